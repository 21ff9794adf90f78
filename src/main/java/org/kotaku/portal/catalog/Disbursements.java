package org.kotaku.portal.catalog;

import java.util.List;

import org.kotaku.portal.catalog.vocabulary.TrancheStatus;

import static org.kotaku.portal.catalog.Field.code;
import static org.kotaku.portal.catalog.Field.date;
import static org.kotaku.portal.catalog.Field.integer;
import static org.kotaku.portal.catalog.Field.money;
import static org.kotaku.portal.catalog.Field.text;

/**
 * The disbursement tranches (termin) of every allocation, keyed
 * {@code allocationId/tranche}.
 */
final class Disbursements {

	static final Dataset DATASET = new Dataset("disbursements", "disbursement",
			Text.of("Termin penyaluran", "Disbursement tranches"),
			Text.of("Termin penyaluran setiap alokasi: nomor termin, status, tanggal dan jumlah.",
					"The tranches of every allocation: number, status, date and amount."),
			"/api/v1/disbursements", List.of("allocations"), """
					disbursement t
					join allocation l on l.id = t.allocation_id""", """
					disbursement t
					join allocation l on l.id = t.allocation_id""", "t.allocation_id || '/' || t.tranche",
			"l.created_version", null, fields());

	private Disbursements() {
	}

	private static List<Field> fields() {
		return List.of(
				text("id", "t.allocation_id || '/' || t.tranche", "Kode alokasi / nomor termin.",
						"Allocation id / tranche number.")
					.required()
					.sortable(),
				text("allocationId", "t.allocation_id", "Alokasi.", "The allocation.").required().queryable(),
				integer("tranche", "t.tranche", "Nomor termin 1-12.", "Tranche number 1-12.").required(),
				code("status", "t.status", TrancheStatus.class, "Status termin.", "Status of the tranche.").required()
					.queryable(),
				date("disbursedOn", "t.disbursed_on", "Tanggal disalurkan.", "Date disbursed."),
				money("amountIdr", "t.amount_idr", "Jumlah, rupiah utuh.", "Amount, whole rupiah.").required()
					.sortable(),
				Catalog.updatedVersion("l"));
	}

}
