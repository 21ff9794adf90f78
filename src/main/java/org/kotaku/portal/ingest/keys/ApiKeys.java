package org.kotaku.portal.ingest.keys;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Set;
import java.util.stream.Collectors;

import reactor.core.publisher.Mono;

import org.kotaku.portal.ingest.dataset.Dataset;
import org.kotaku.portal.api.PrimaryDatabase;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * The API keys of source systems, stored only as SHA-256 hashes: a new key is shown once
 * to the admin who creates it, a request's bearer token is hashed and looked up, and a
 * revoked key is refused at once: all on the primary ({@link PrimaryDatabase}), never on
 * a replica that may not have replayed a revocation yet.
 */
@Repository
public class ApiKeys {

	private static final String PREFIX = "ktk_";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final DatabaseClient db;

	public ApiKeys(PrimaryDatabase primary) {
		this.db = primary.db();
	}

	/**
	 * A new key for {@code source}: emits the key text, which is never stored and cannot
	 * be shown again.
	 */
	public Mono<CreatedKey> create(String source, Collection<Dataset> datasets) {
		String key = newKey();
		String[] names = datasets.stream().map(Dataset::publicName).sorted().toArray(String[]::new);
		return this.db
			.sql("insert into ingest_key (source, key_hash, datasets) values (:source, :hash, :datasets) returning id")
			.bind("source", source)
			.bind("hash", hash(key))
			.bind("datasets", names)
			.map((row) -> row.get(0, Long.class))
			.one()
			.map((id) -> new CreatedKey(id, source, key));
	}

	/** Revokes one key by its id; emits whether a live key was revoked. */
	public Mono<Boolean> revoke(long id) {
		return this.db.sql("update ingest_key set revoked_at = now() where id = :id and revoked_at is null")
			.bind("id", id)
			.fetch()
			.rowsUpdated()
			.map((n) -> n > 0);
	}

	/**
	 * The live key whose hash matches the presented token; empty when unknown or revoked.
	 */
	public Mono<ApiKey> find(String token) {
		if (token == null || !token.startsWith(PREFIX) || token.length() > 200) {
			return Mono.empty();
		}
		return this.db.sql("select id, source, datasets from ingest_key where key_hash = :hash and revoked_at is null")
			.bind("hash", hash(token))
			.map((row) -> new ApiKey(row.get("id", Long.class), row.get("source", String.class),
					datasets(row.get("datasets", String[].class))))
			.one();
	}

	private static Set<Dataset> datasets(String[] names) {
		return Arrays.stream(names).map((n) -> Dataset.fromPublicName(n).orElseThrow()).collect(Collectors.toSet());
	}

	private static String newKey() {
		byte[] secret = new byte[32];
		RANDOM.nextBytes(secret);
		return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
	}

	static String hash(String key) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(key.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A key just created: its id (for revocation), its source and the key text to hand
	 * over once.
	 */
	public record CreatedKey(long id, String source, String key) {
	}

}
