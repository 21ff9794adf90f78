package org.kotaku.portal.bulk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import org.kotaku.portal.catalog.Dataset;

/**
 * One bulk file of one data version.
 *
 * @param dataset the catalog dataset it holds
 * @param format {@code csv}, {@code geojson}, {@code gpkg} (GeoPackage) or {@code ndjson}
 * (the delta)
 * @param mediaType the media type of the content once decompressed
 * @param compression {@code gzip}, or null (a GeoPackage)
 * @param file its name within the version
 * @param byteSize its size on disk, in bytes
 * @param sha256 the SHA-256 of its bytes, hex
 * @param rowCount the records it holds (a delta: the changes)
 * @param version the data version it was read at
 * @param modified when it was written
 * @param since for a delta, the version its changes start from (exclusive); null for a
 * whole file
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Download(String dataset, String format, String mediaType, String compression, String file, long byteSize,
		String sha256, long rowCount, long version, Instant modified, Long since) {

	/** The path of this very file, which never changes. */
	@JsonProperty
	public String path() {
		return BulkStore.DOWNLOADS + "/" + this.version + "/" + this.file;
	}

	/** The path that always redirects to the newest file of this name. */
	public String latestPath() {
		return BulkStore.DOWNLOADS + "/latest/" + this.file;
	}

	/**
	 * Whether this is the changes since the previous version rather than the whole
	 * dataset.
	 */
	public boolean isDelta() {
		return this.format.equals(BulkFormat.DELTA.format());
	}

	/** The description of a file just written: its size and SHA-256 read from disk. */
	static Download of(Dataset dataset, BulkFormat kind, Path file, long rows, long version, Long since) {
		try {
			return new Download(dataset.id(), kind.format(), kind.mediaType(), kind.compression(),
					file.getFileName().toString(), Files.size(file), GzipText.sha256(file), rows, version,
					Instant.now(), since);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
