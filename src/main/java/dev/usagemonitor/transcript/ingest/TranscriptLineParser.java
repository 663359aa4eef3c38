package dev.usagemonitor.transcript.ingest;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.JsonRecyclerPools;

/**
 * Parses one Claude Code transcript line with Jackson's streaming parser, reading only
 * the envelope and usage fields and skipping message content. Every field is optional, so
 * {@code "costUSD": null} or a nested {@code "model": null} never drops a line.
 * <p>
 * Lines that do not contain the bytes {@code "usage"} cannot carry token usage. They are
 * not parsed: a quick check that they start with {@code {} and end with {@code }} sorts
 * them into {@link LineOutcome#OTHER} or {@link LineOutcome#MALFORMED}. Instances are not
 * thread-safe.
 */
public final class TranscriptLineParser {

	private static final String SYNTHETIC_MODEL = "<synthetic>";

	/**
	 * A parser is created for every line, so its buffers come from a per-thread pool: the
	 * default shared pool costs more than the parsing of a short line.
	 */
	private final JsonFactory factory = JsonFactory.builder().recyclerPool(JsonRecyclerPools.threadLocalPool()).build();

	/**
	 * Parses the line in {@code bytes[offset, offset + length)}, without its line break.
	 */
	public ParsedLine parse(byte[] bytes, int offset, int length) {
		if (!ByteSearch.containsUsageKey(bytes, offset, length)) {
			return ByteSearch.looksLikeObject(bytes, offset, length) ? ParsedLine.OTHER : ParsedLine.MALFORMED;
		}
		try (JsonParser parser = this.factory.createParser(bytes, offset, length)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				return ParsedLine.MALFORMED;
			}
			LineFields fields = new LineFields();
			fields.readEnvelope(parser);
			if (parser.nextToken() != null) {
				return ParsedLine.MALFORMED;
			}
			return classify(fields);
		}
		catch (JacksonException | IllegalArgumentException ex) {
			return ParsedLine.MALFORMED;
		}
	}

	private static ParsedLine classify(LineFields fields) {
		if (!"assistant".equals(fields.type) || !fields.hasUsage || fields.model == null) {
			return ParsedLine.OTHER;
		}
		if (SYNTHETIC_MODEL.equals(fields.model)) {
			return ParsedLine.SYNTHETIC;
		}
		UsageLine usage = fields.toUsageLine();
		return (usage != null) ? new ParsedLine(LineOutcome.USAGE, usage) : ParsedLine.MALFORMED;
	}

}
