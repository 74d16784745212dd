select l_orderkey, l_linenumber, l_extendedprice, l_shipdate
from lineitem
where l_quantity < 2 and l_discount = 0.10
