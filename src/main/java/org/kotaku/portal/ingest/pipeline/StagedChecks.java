package org.kotaku.portal.ingest.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.kotaku.portal.ingest.batch.IngestRequest;
import org.kotaku.portal.ingest.validation.RowError;

/**
 * The check step: the row problems found while the upload streamed in, then the checks
 * that need the database over the stage (duplicate ids, the dataset's references and
 * geometries, a replace batch's scope). Any problem refuses the batch with
 * {@link IngestValidationException}, its first problems listed by row.
 */
public final class StagedChecks {

	private StagedChecks() {
	}

	public static Mono<Void> check(Batch batch) {
		return Mono.defer(() -> {
			StagedRows staged = batch.staged();
			if (staged.rows() == 0 && batch.request().mode() == IngestRequest.Mode.UPSERT) {
				return Mono.error(new IngestValidationException(batch.spec().dataset(),
						List.of(new RowError(0, "body", null, "the upload has no rows")), 1, 0));
			}
			if (staged.hasErrors()) {
				return Mono.error(staged.failure());
			}
			return Flux.fromIterable(checks(batch))
				.concatMap((check) -> firstProblems(batch, check))
				.then(Mono.defer(() -> staged.hasErrors() ? Mono.error(staged.failure()) : Mono.empty()));
		});
	}

	private static List<String> checks(Batch batch) {
		List<String> checks = new ArrayList<>();
		checks.add(batch.sql().duplicates());
		checks.addAll(batch.spec().databaseChecks());
		if (batch.replace()) {
			checks.add(batch.sql().outsideScope(batch.byRegion(), batch.byYear()));
		}
		return checks;
	}

	/**
	 * The first problems of one check (each a {@code row_no, field, value, message} row),
	 * kept on the staged rows.
	 */
	private static Mono<Void> firstProblems(Batch batch, String check) {
		BoundSql limited = batch.bind("select * from (" + check + ") q order by 1 limit :limit",
				Map.of("limit", StagedRows.MAX_REPORTED_ERRORS));
		return batch.db()
			.query(limited,
					(row) -> new RowError(BatchConnection.number(row, 0), row.get(1, String.class),
							row.get(2, String.class), row.get(3, String.class)))
			.collectList()
			.doOnNext((first) -> batch.staged().addErrors(first, first.size()))
			.then();
	}

}
