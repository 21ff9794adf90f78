package org.kotaku.portal.readmodel;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Sums the type rows of one region, period and type over output units. */
final class TypeAccumulator {

	private final String type;

	private long count;

	private long completed;

	private long budget;

	private long disbursed;

	private final Map<String, BigDecimal> outputs = new TreeMap<>();

	TypeAccumulator(String type) {
		this.type = type;
	}

	void add(SnapshotBuilder.TypeRow row) {
		this.count += row.count();
		this.completed += row.completed();
		this.budget += row.budget();
		this.disbursed += row.disbursed();
		if (row.unit() != null) {
			this.outputs.merge(row.unit(), row.volume(), BigDecimal::add);
		}
	}

	void add(TypeFigures figures) {
		this.count += figures.count();
		this.completed += figures.completed();
		this.budget += figures.budgetIdr();
		this.disbursed += figures.disbursedIdr();
		figures.outputs().forEach((output) -> this.outputs.merge(output.unit(), output.volume(), BigDecimal::add));
	}

	TypeFigures figures() {
		List<TypeFigures.Output> list = this.outputs.entrySet()
			.stream()
			.map((e) -> new TypeFigures.Output(e.getKey(), e.getValue()))
			.toList();
		return new TypeFigures(this.type, this.count, this.completed, this.budget, this.disbursed, list);
	}

}
