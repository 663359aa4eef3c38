package dev.usagemonitor.transcript.ingest;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * The fields of one transcript line that token accounting needs, filled while the
 * streaming parser walks the line. Unknown fields are skipped.
 */
final class LineFields {

	String type;

	String sessionId;

	String timestamp;

	String requestId;

	String uuid;

	boolean sidechain;

	Double costUsd;

	String messageId;

	String model;

	boolean hasUsage;

	final UsageFields usage = new UsageFields();

	/**
	 * Reads the top-level object; the parser is positioned on its {@code START_OBJECT}
	 * and ends on the matching {@code END_OBJECT}.
	 */
	void readEnvelope(JsonParser parser) {
		String name;
		while ((name = parser.nextName()) != null) {
			JsonToken token = parser.nextToken();
			switch (name) {
				case "type" -> this.type = JsonValues.string(parser, token);
				case "sessionId" -> this.sessionId = JsonValues.string(parser, token);
				case "timestamp" -> this.timestamp = JsonValues.string(parser, token);
				case "requestId" -> this.requestId = JsonValues.string(parser, token);
				case "uuid" -> this.uuid = JsonValues.string(parser, token);
				case "isSidechain" -> this.sidechain = token == JsonToken.VALUE_TRUE;
				case "costUSD" -> this.costUsd = JsonValues.decimal(parser, token);
				case "message" -> readMessage(parser, token);
				default -> parser.skipChildren();
			}
		}
	}

	private void readMessage(JsonParser parser, JsonToken token) {
		if (token != JsonToken.START_OBJECT) {
			parser.skipChildren();
			return;
		}
		String name;
		while ((name = parser.nextName()) != null) {
			JsonToken value = parser.nextToken();
			switch (name) {
				case "id" -> this.messageId = JsonValues.string(parser, value);
				case "model" -> this.model = JsonValues.string(parser, value);
				case "usage" -> this.hasUsage = this.usage.read(parser, value);
				default -> parser.skipChildren();
			}
		}
	}

	/**
	 * Returns the usage line, or {@code null} when the line lacks an id or a valid
	 * timestamp.
	 */
	UsageLine toUsageLine() {
		String id = (this.messageId != null) ? this.messageId : this.uuid;
		Long occurredAt = parseInstant(this.timestamp);
		if (id == null || occurredAt == null) {
			return null;
		}
		UsageFields u = this.usage;
		return new UsageLine(id, this.requestId, occurredAt, this.sessionId, this.model, this.sidechain, u.input,
				u.output, u.cacheWrite5m(), u.cacheWrite1h(), u.cacheRead, u.webSearches, u.speed, this.costUsd);
	}

	private static Long parseInstant(String text) {
		if (text == null) {
			return null;
		}
		try {
			return Instant.parse(text).toEpochMilli();
		}
		catch (DateTimeParseException ex) {
			return parseOffsetDateTime(text);
		}
	}

	private static Long parseOffsetDateTime(String text) {
		try {
			return OffsetDateTime.parse(text).toInstant().toEpochMilli();
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
