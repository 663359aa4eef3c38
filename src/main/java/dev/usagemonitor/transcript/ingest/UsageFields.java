package dev.usagemonitor.transcript.ingest;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * The {@code message.usage} object of a transcript line.
 */
final class UsageFields {

	long input;

	long output;

	long cacheCreation;

	long cacheRead;

	Long split5m;

	Long split1h;

	int webSearches;

	String speed;

	/**
	 * Reads the usage object and returns whether there was one (not {@code null}).
	 */
	boolean read(JsonParser parser, JsonToken token) {
		if (token != JsonToken.START_OBJECT) {
			parser.skipChildren();
			return false;
		}
		String name;
		while ((name = parser.nextName()) != null) {
			JsonToken value = parser.nextToken();
			switch (name) {
				case "input_tokens" -> this.input = JsonValues.count(parser, value);
				case "output_tokens" -> this.output = JsonValues.count(parser, value);
				case "cache_creation_input_tokens" -> this.cacheCreation = JsonValues.count(parser, value);
				case "cache_read_input_tokens" -> this.cacheRead = JsonValues.count(parser, value);
				case "cache_creation" -> readCacheCreation(parser, value);
				case "server_tool_use" -> readServerToolUse(parser, value);
				case "speed" -> this.speed = JsonValues.string(parser, value);
				default -> parser.skipChildren();
			}
		}
		return true;
	}

	/**
	 * Returns the 5-minute cache writes: all writes not stated as 1-hour writes, so that
	 * both parts add up to {@code cache_creation_input_tokens} and lines without the
	 * split count every write at the 5-minute rate.
	 */
	long cacheWrite5m() {
		if (this.split5m == null && this.split1h == null) {
			return this.cacheCreation;
		}
		long total = Math.max(this.cacheCreation, nullToZero(this.split5m) + nullToZero(this.split1h));
		return total - cacheWrite1h();
	}

	long cacheWrite1h() {
		return nullToZero(this.split1h);
	}

	private void readCacheCreation(JsonParser parser, JsonToken token) {
		if (token != JsonToken.START_OBJECT) {
			parser.skipChildren();
			return;
		}
		String name;
		while ((name = parser.nextName()) != null) {
			JsonToken value = parser.nextToken();
			switch (name) {
				case "ephemeral_5m_input_tokens" -> this.split5m = JsonValues.count(parser, value);
				case "ephemeral_1h_input_tokens" -> this.split1h = JsonValues.count(parser, value);
				default -> parser.skipChildren();
			}
		}
	}

	private void readServerToolUse(JsonParser parser, JsonToken token) {
		if (token != JsonToken.START_OBJECT) {
			parser.skipChildren();
			return;
		}
		String name;
		while ((name = parser.nextName()) != null) {
			JsonToken value = parser.nextToken();
			if ("web_search_requests".equals(name)) {
				this.webSearches = (int) Math.min(Integer.MAX_VALUE, JsonValues.count(parser, value));
			}
			else {
				parser.skipChildren();
			}
		}
	}

	private static long nullToZero(Long value) {
		return (value != null) ? value : 0;
	}

}
