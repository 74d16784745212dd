select l_returnflag, l_linestatus, count(*) as n, sum(l_quantity) as qty, sum(l_extendedprice) as price
from lineitem
group by l_returnflag, l_linestatus
