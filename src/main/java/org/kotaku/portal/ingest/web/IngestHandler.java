package org.kotaku.portal.ingest.web;

import java.net.URI;
import java.util.Arrays;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.kotaku.portal.api.PortalException;
import org.kotaku.portal.api.ProblemType;
import org.kotaku.portal.ingest.batch.BatchLog;
import org.kotaku.portal.ingest.batch.BatchLog.StoredBatch;
import org.kotaku.portal.ingest.batch.BatchReport;
import org.kotaku.portal.ingest.dataset.Dataset;
import org.kotaku.portal.ingest.batch.IngestRequest;
import org.kotaku.portal.ingest.IngestService;
import org.kotaku.portal.ingest.keys.ApiKey;
import org.kotaku.portal.ingest.keys.ApiKeys;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import static org.springframework.web.reactive.function.server.RouterFunctions.route;

/**
 * The internal, authenticated routes of the program's systems: {@code POST
 * /internal/v1/ingest/{dataset}} streams an upload (JSON array, NDJSON or CSV) into one
 * all-or-nothing batch and answers with its record (201), or with the first record again
 * for a repeated {@code Idempotency-Key} and body (200); {@code GET
 * /internal/v1/batches/{id}} reads a batch record back.
 */
@Configuration(proxyBeanMethods = false)
class IngestHandler {

	private final IngestService ingest;

	private final BatchLog batches;

	private final RowDecoder decoder;

	private final ApiKeys keys;

	private final IngestProperties limits;

	IngestHandler(IngestService ingest, BatchLog batches, RowDecoder decoder, ApiKeys keys,
			IngestProperties properties) {
		this.ingest = ingest;
		this.batches = batches;
		this.decoder = decoder;
		this.keys = keys;
		this.limits = properties;
	}

	@Bean
	RouterFunction<ServerResponse> ingestRoutes() {
		return route().POST("/internal/v1/ingest/{dataset}", this::upload)
			.GET("/internal/v1/batches/{id}", this::getBatch)
			.filter(new ApiKeyFilter(this.keys))
			.build();
	}

	Mono<ServerResponse> upload(ServerRequest request) {
		ApiKey key = ApiKeyFilter.key(request);
		Dataset dataset = writableDataset(key, request.pathVariable("dataset"));
		MediaType format = RowDecoder.format(request.headers().contentType().orElse(null));
		IngestRequest ingestRequest = IngestParameters.read(request, dataset, key.source());
		checkDeclaredLength(request);
		Upload upload = new Upload(request.bodyToFlux(DataBuffer.class), this.limits,
				ingestRequest.idempotencyKey() != null);
		if (ingestRequest.idempotencyKey() == null) {
			return commit(ingestRequest, upload, format);
		}
		return this.batches.findByIdempotencyKey(key.source(), ingestRequest.idempotencyKey())
			.flatMap((previous) -> replay(previous, upload))
			.switchIfEmpty(Mono.defer(() -> commit(ingestRequest, upload, format)));
	}

	Mono<ServerResponse> getBatch(ServerRequest request) {
		long id = batchId(request.pathVariable("id"));
		return this.batches.find(id)
			.switchIfEmpty(Mono.error(() -> PortalException.notFound("There is no batch " + id + ".")))
			.flatMap((batch) -> ok(batch.report()));
	}

	private Mono<ServerResponse> commit(IngestRequest ingestRequest, Upload upload, MediaType format) {
		return this.ingest.ingest(ingestRequest, this.decoder.rows(upload, format), upload::checksum)
			.flatMap((report) -> ServerResponse.created(URI.create("/internal/v1/batches/" + report.id()))
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(report));
	}

	/**
	 * The same key again: the first answer if the body is the same, 409 if it is not;
	 * nothing is written.
	 */
	private Mono<ServerResponse> replay(StoredBatch previous, Upload upload) {
		return upload.drain().flatMap((checksum) -> {
			if (!checksum.equals(previous.bodyChecksum())) {
				return Mono.error(new PortalException(ProblemType.CONFLICT,
						"Idempotency-Key was already used for batch " + previous.report().id()
								+ " with a different body; use a new key for a new upload.",
						Map.of("batchId", previous.report().id()), null));
			}
			return ok(previous.report());
		});
	}

	private static Mono<ServerResponse> ok(BatchReport report) {
		return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(report);
	}

	private static Dataset writableDataset(ApiKey key, String name) {
		Dataset dataset = Dataset.fromPublicName(name)
			.orElseThrow(() -> PortalException.notFound("There is no dataset " + name + "; use one of "
					+ Arrays.stream(Dataset.values()).map(Dataset::publicName).toList() + "."));
		if (!key.mayWrite(dataset)) {
			throw new PortalException(ProblemType.FORBIDDEN,
					"The API key of source " + key.source() + " may not write the dataset " + name + ".");
		}
		return dataset;
	}

	private void checkDeclaredLength(ServerRequest request) {
		long declared = request.headers().contentLength().orElse(-1);
		if (declared > this.limits.maxBodySize().toBytes()) {
			throw Upload.tooLarge(this.limits.maxBodySize().toBytes());
		}
	}

	private static long batchId(String text) {
		try {
			return Long.parseLong(text);
		}
		catch (NumberFormatException ex) {
			throw PortalException.notFound("There is no batch " + text + ".");
		}
	}

}
