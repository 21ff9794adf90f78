-- activities whose budget is not the sum of their five cost fields (guaranteed by a check constraint of activity)
select a.id, 'budget ' || a.budget_idr || ' IDR, cost fields ' || (a.cost_bpm_idr + a.cost_apbd_idr
       + a.cost_csr_idr + a.cost_swadaya_idr + a.cost_other_idr) || ' IDR' as reason
from activity a
where a.budget_idr <> a.cost_bpm_idr + a.cost_apbd_idr + a.cost_csr_idr + a.cost_swadaya_idr + a.cost_other_idr
