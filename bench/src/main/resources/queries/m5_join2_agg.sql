select o_orderpriority, count(*) as n, sum(l_extendedprice) as price
from orders join lineitem on l_orderkey = o_orderkey
group by o_orderpriority
