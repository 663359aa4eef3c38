package dev.usagemonitor.transcript.ingest;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import dev.usagemonitor.support.Fixtures;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TranscriptLineParserTests {

	private final TranscriptLineParser parser = new TranscriptLineParser();

	@Test
	void sampleLinesAreClassified() {
		Map<LineOutcome, Integer> counts = new EnumMap<>(LineOutcome.class);
		List<String> lines = Fixtures.text("claude-code-session.jsonl").lines().toList();
		lines.forEach((line) -> counts.merge(parse(line).outcome(), 1, Integer::sum));
		assertThat(lines).hasSize(31);
		assertThat(counts.get(LineOutcome.USAGE)).isEqualTo(14);
		assertThat(counts.get(LineOutcome.SYNTHETIC)).isEqualTo(3);
		assertThat(counts.get(LineOutcome.MALFORMED)).isEqualTo(3);
		assertThat(counts.get(LineOutcome.OTHER)).isEqualTo(11);
	}

	@Test
	void usageFieldsAreRead() {
		UsageLine line = parse(sampleLine(8)).usage();
		assertThat(line.messageId()).isEqualTo("msg_00000000000000000000000002");
		assertThat(line.requestId()).isEqualTo("req_00000000000000000000000002");
		assertThat(line.sessionId()).isEqualTo("00000000-0000-4000-8000-000000000001");
		assertThat(line.model()).isEqualTo("claude-sonnet-4-6");
		assertThat(line.inputTokens()).isEqualTo(6);
		assertThat(line.outputTokens()).isEqualTo(250);
		assertThat(line.cacheWrite5mTokens()).isZero();
		assertThat(line.cacheWrite1hTokens()).isEqualTo(3000);
		assertThat(line.cacheReadTokens()).isEqualTo(14048);
		assertThat(line.occurredAt()).isEqualTo(Instant.parse("2026-09-14T08:00:14.050Z").toEpochMilli());
		assertThat(line.sidechain()).isFalse();
	}

	@Test
	void cacheWritesWithoutSplitCountAsFiveMinute() {
		UsageLine line = parse(sampleLine(23)).usage();
		assertThat(line.cacheWrite5mTokens()).isEqualTo(1000);
		assertThat(line.cacheWrite1hTokens()).isZero();
		assertThat(line.reportedCostUsd()).isNull();
	}

	@Test
	void numericCostIsKept() {
		assertThat(parse(sampleLine(22)).usage().reportedCostUsd()).isEqualTo(0.0123);
	}

	@Test
	void nestedNullModelKeepsLine() {
		UsageLine line = parse(sampleLine(26)).usage();
		assertThat(line.model()).isEqualTo("claude-fable-5-1");
		assertThat(line.outputTokens()).isEqualTo(4435);
	}

	@Test
	void webSearchesAndSpeedAreRead() {
		assertThat(parse(sampleLine(11)).usage().webSearchRequests()).isEqualTo(2);
		assertThat(parse(sampleLine(15)).usage().speed()).isEqualTo("fast");
	}

	@Test
	void missingRequestIdKeysOnMessageId() {
		UsageLine line = parse(sampleLine(24)).usage();
		assertThat(line.requestId()).isNull();
		assertThat(line.dedupKey()).isEqualTo("msg_00000000000000000000000007");
	}

	@Test
	void oddValuesDoNotBreakLine() {
		String text = ("{\"type\":\"assistant\",\"timestamp\":\"2026-01-01T00:00:00+02:00\",\"message\":{\"id\":\"m\","
				+ "\"model\":\"claude-x\",\"usage\":{\"input_tokens\":null,\"output_tokens\":\"7\","
				+ "\"cache_creation\":null,\"server_tool_use\":null,\"cache_read_input_tokens\":-5}}}");
		UsageLine line = parse(text).usage();
		assertThat(line.inputTokens()).isZero();
		assertThat(line.outputTokens()).isZero();
		assertThat(line.cacheReadTokens()).isZero();
		assertThat(line.occurredAt()).isEqualTo(Instant.parse("2025-12-31T22:00:00Z").toEpochMilli());
	}

	@Test
	void trailingGarbageIsMalformed() {
		assertThat(parse("{\"usage\":{}} {").outcome()).isEqualTo(LineOutcome.MALFORMED);
		assertThat(parse("[\"usage\"]").outcome()).isEqualTo(LineOutcome.MALFORMED);
		assertThat(parse("{\"type\":\"user\"").outcome()).isEqualTo(LineOutcome.MALFORMED);
	}

	@Test
	void usageLineWithoutTimestampIsMalformed() {
		String line = "{\"type\":\"assistant\",\"message\":{\"id\":\"m\",\"model\":\"claude-x\",\"usage\":{}}}";
		assertThat(parse(line).outcome()).isEqualTo(LineOutcome.MALFORMED);
	}

	private ParsedLine parse(String line) {
		byte[] bytes = ("xx" + line + "yy").getBytes(StandardCharsets.UTF_8);
		return this.parser.parse(bytes, 2, bytes.length - 4);
	}

	private static String sampleLine(int number) {
		return Fixtures.text("claude-code-session.jsonl").split("\n", -1)[number - 1];
	}

}
