select count(*) as group_count, sum(revenue) as revenue, max(revenue) as max_revenue
from (
    select l_orderkey, sum(l_extendedprice) as revenue
    from lineitem
    group by l_orderkey
) as per_order
