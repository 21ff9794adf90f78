package org.kotaku.portal.readmodel;

/**
 * One administrative region as the read model knows it: dotted Kemendagri code, name, level (1 province ..
 * 4 village), type, parent code (null for provinces) and label point in EPSG:4326 (null when unknown).
 */
public record RegionEntry(String code, String name, int level, String type, String parent, Double lon, Double lat)
		implements java.io.Serializable {
}
