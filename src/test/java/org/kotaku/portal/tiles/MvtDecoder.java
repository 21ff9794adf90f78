package org.kotaku.portal.tiles;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;

/**
 * Reads a Mapbox Vector Tile (protobuf, vector_tile.proto 2.1) into its layers and each
 * feature's geometry type and properties, for assertions in tests.
 */
final class MvtDecoder {

	/** A decoded layer: its name, extent and features. */
	record Layer(String name, int extent, List<Feature> features) {
	}

	/**
	 * A decoded feature: 1 point, 2 line, 3 polygon; properties resolved from the layer's
	 * keys and values.
	 */
	record Feature(int type, Map<String, Object> properties, int geometryLength) {
	}

	private MvtDecoder() {
	}

	static Map<String, Layer> decode(byte[] tile) throws IOException {
		Map<String, Layer> layers = new LinkedHashMap<>();
		CodedInputStream in = CodedInputStream.newInstance(tile);
		for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
			if (WireFormat.getTagFieldNumber(tag) == 3) {
				Layer layer = layer(CodedInputStream.newInstance(in.readByteArray()));
				layers.put(layer.name(), layer);
			}
			else {
				in.skipField(tag);
			}
		}
		return layers;
	}

	private static Layer layer(CodedInputStream in) throws IOException {
		String name = null;
		int extent = 4096;
		List<String> keys = new ArrayList<>();
		List<Object> values = new ArrayList<>();
		List<int[]> rawFeatures = new ArrayList<>();
		for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
			switch (WireFormat.getTagFieldNumber(tag)) {
				case 1 -> name = in.readString();
				case 2 -> rawFeatures.add(feature(CodedInputStream.newInstance(in.readByteArray())));
				case 3 -> keys.add(in.readString());
				case 4 -> values.add(value(CodedInputStream.newInstance(in.readByteArray())));
				case 5 -> extent = in.readUInt32();
				default -> in.skipField(tag);
			}
		}
		List<Feature> features = new ArrayList<>();
		for (int[] raw : rawFeatures) {
			Map<String, Object> properties = new LinkedHashMap<>();
			for (int i = 2; i + 1 < raw.length; i += 2) {
				properties.put(keys.get(raw[i]), values.get(raw[i + 1]));
			}
			features.add(new Feature(raw[0], properties, raw[1]));
		}
		return new Layer(name, extent, features);
	}

	/** {type, geometry length, key0, value0, key1, value1, ...}. */
	private static int[] feature(CodedInputStream in) throws IOException {
		List<Integer> tags = new ArrayList<>();
		int type = 0;
		int geometry = 0;
		for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
			switch (WireFormat.getTagFieldNumber(tag)) {
				case 2 -> tags.addAll(packed(in));
				case 3 -> type = in.readEnum();
				case 4 -> geometry = packed(in).size();
				default -> in.skipField(tag);
			}
		}
		int[] raw = new int[2 + tags.size()];
		raw[0] = type;
		raw[1] = geometry;
		for (int i = 0; i < tags.size(); i++) {
			raw[2 + i] = tags.get(i);
		}
		return raw;
	}

	private static List<Integer> packed(CodedInputStream in) throws IOException {
		List<Integer> numbers = new ArrayList<>();
		int limit = in.pushLimit(in.readRawVarint32());
		while (in.getBytesUntilLimit() > 0) {
			numbers.add(in.readUInt32());
		}
		in.popLimit(limit);
		return numbers;
	}

	private static Object value(CodedInputStream in) throws IOException {
		Object value = null;
		for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
			value = switch (WireFormat.getTagFieldNumber(tag)) {
				case 1 -> in.readString();
				case 2 -> (double) in.readFloat();
				case 3 -> in.readDouble();
				case 4 -> in.readInt64();
				case 5 -> in.readUInt64();
				case 6 -> in.readSInt64();
				case 7 -> in.readBool();
				default -> {
					in.skipField(tag);
					yield null;
				}
			};
		}
		return value;
	}

}
