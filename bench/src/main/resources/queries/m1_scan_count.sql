select count(*) as n from lineitem
