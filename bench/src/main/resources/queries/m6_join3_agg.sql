select c_mktsegment, count(*) as n, sum(l_extendedprice) as price
from lineitem
    join orders on l_orderkey = o_orderkey
    join customer on o_custkey = c_custkey
group by c_mktsegment
