package org.kotaku.portal.activity;

import java.util.List;

import org.kotaku.portal.listing.Column;
import org.kotaku.portal.listing.Resource;

/**
 * The published fields of an activity, in order (docs/data-dictionary.md describes each). The village and regency
 * names are joined from the region table; the regency code is the first two parts of the village code.
 */
final class ActivityResource {

	static final Resource ACTIVITIES = new Resource("activity", """
			activity a
			join region v on v.code = a.village_code
			left join region r on r.code = left(a.village_code, 5)""", "activity a", "a.id", "a.created_version",
			List.of(Column.text("id", "a.id"), Column.text("name", "a.name"), Column.text("type", "a.type"),
					Column.text("status", "a.status"), Column.integer("fiscalYear", "a.fiscal_year"),
					Column.text("villageCode", "a.village_code"), Column.text("villageName", "v.name"),
					Column.text("regencyCode", "left(a.village_code, 5)"), Column.text("regencyName", "r.name"),
					Column.text("slumAreaId", "a.slum_area_id"), Column.text("allocationId", "a.allocation_id"),
					Column.decimal("physicalProgress", "a.physical_progress"),
					Column.decimal("outputVolume", "a.output_volume"), Column.text("outputUnit", "a.output_unit"),
					Column.date("startDate", "a.start_date"), Column.date("endDate", "a.end_date"),
					Column.money("budgetIdr", "a.budget_idr"), Column.money("disbursedIdr", "a.disbursed_idr"),
					Column.money("costBpmIdr", "a.cost_bpm_idr"), Column.money("costApbdIdr", "a.cost_apbd_idr"),
					Column.money("costCsrIdr", "a.cost_csr_idr"), Column.money("costSwadayaIdr", "a.cost_swadaya_idr"),
					Column.money("costOtherIdr", "a.cost_other_idr"),
					Column.integer("beneficiaryHouseholds", "a.beneficiary_households"),
					Column.integer("beneficiaryPeople", "a.beneficiary_people"),
					Column.integer("beneficiaryWomen", "a.beneficiary_women"),
					Column.integer("beneficiaryLowIncome", "a.beneficiary_low_income"),
					Column.integer("labourWorkers", "a.labour_workers"), Column.integer("labourWomen", "a.labour_women"),
					Column.integer("labourPersonDays", "a.labour_person_days"),
					Column.money("labourDailyWageIdr", "a.labour_daily_wage_idr"),
					Column.money("labourWagesIdr", "a.labour_wages_idr"),
					Column.decimal("lon", "round(ST_X(a.location)::numeric, 6)"),
					Column.decimal("lat", "round(ST_Y(a.location)::numeric, 6)"),
					Column.integer("updatedVersion", "a.updated_version")),
			"a.location", List.of("id", "budgetIdr", "disbursedIdr", "fiscalYear", "physicalProgress", "name"));

	private ActivityResource() {
	}

}
