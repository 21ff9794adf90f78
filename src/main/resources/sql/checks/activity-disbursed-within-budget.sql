-- activities that disbursed more than their budget
select a.id, 'disbursed ' || a.disbursed_idr || ' IDR, budget ' || a.budget_idr || ' IDR' as reason
from activity a
where a.disbursed_idr > a.budget_idr
