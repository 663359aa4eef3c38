package dev.usagemonitor.transcript.ingest;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Lenient reads of scalar values: a value of an unexpected type is skipped and read as
 * missing.
 */
final class JsonValues {

	private JsonValues() {
	}

	static String string(JsonParser parser, JsonToken token) {
		if (token == JsonToken.VALUE_STRING) {
			return parser.getString();
		}
		parser.skipChildren();
		return null;
	}

	/**
	 * Reads a token count; negative, fractional-only or non-numeric values count as 0.
	 */
	static long count(JsonParser parser, JsonToken token) {
		if (token == JsonToken.VALUE_NUMBER_INT) {
			return Math.max(0, parser.getLongValue());
		}
		if (token == JsonToken.VALUE_NUMBER_FLOAT) {
			return Math.max(0, (long) parser.getDoubleValue());
		}
		parser.skipChildren();
		return 0;
	}

	static Double decimal(JsonParser parser, JsonToken token) {
		if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
			return parser.getDoubleValue();
		}
		parser.skipChildren();
		return null;
	}

}
