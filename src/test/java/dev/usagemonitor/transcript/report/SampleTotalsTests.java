package dev.usagemonitor.transcript.report;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.stream.Collectors;

import dev.usagemonitor.collect.AccountRepository;
import dev.usagemonitor.transcript.SampleTranscript;
import dev.usagemonitor.transcript.ingest.IngestResult;
import dev.usagemonitor.transcript.ingest.IngestTarget;
import dev.usagemonitor.transcript.ingest.TranscriptIngester;
import dev.usagemonitor.support.StoreTest;
import dev.usagemonitor.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "monitor.zone=Europe/Berlin")
@StoreTest
class SampleTotalsTests {

	static final Instant NOW = Instant.parse("2026-09-14T10:00:00Z");

	@TempDir
	static Path folder;

	@Autowired
	TranscriptIngester ingester;

	@Autowired
	TokenReportService reports;

	@Autowired
	AccountRepository accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper mapper;

	long accountId;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.register(registry, folder);
	}

	@BeforeEach
	void emptyStore() {
		this.jdbc.sql("DELETE FROM token_usage").update();
		this.accountId = this.accounts.ensure("me", "push");
	}

	@Test
	void sampleIngestCountsLines() throws IOException {
		IngestResult result = ingest(SampleTranscript.text());
		assertThat(result.lines()).isEqualTo(31);
		assertThat(result.usageLines()).isEqualTo(14);
		assertThat(result.responses()).isEqualTo(11);
		assertThat(result.stored()).isEqualTo(11);
		assertThat(result.duplicates()).isEqualTo(3);
		assertThat(result.synthetic()).isEqualTo(3);
		assertThat(result.malformed()).isEqualTo(3);
		assertThat(result.malformedLineNumbers()).containsExactly(19L, 20L, 21L);
		assertThat(result.unpricedTokens()).isZero();
	}

	@Test
	void sampleGivesDocumentedTotals() throws IOException {
		ingest(SampleTranscript.text());
		TokenSummary total = sampleReport().total();
		assertThat(total.messages()).isEqualTo(10);
		assertThat(total.inputTokens()).isEqualTo(2835);
		assertThat(total.outputTokens()).isEqualTo(6967);
		assertThat(total.cacheCreation5mTokens()).isEqualTo(28731);
		assertThat(total.cacheCreation1hTokens()).isEqualTo(3000);
		assertThat(total.cacheReadTokens()).isEqualTo(97298);
		assertThat(total.totalTokens()).isEqualTo(138831);
	}

	@Test
	void sampleGivesDocumentedModelTotals() throws IOException {
		ingest(SampleTranscript.text());
		Map<String, TokenSummary> models = sampleReport().models()
			.stream()
			.collect(Collectors.toMap(TokenSummary::name, (summary) -> summary));
		assertThat(models).hasSize(6);
		assertModel(models.get("claude-sonnet-4-6"), 59301, 4);
		assertModel(models.get("claude-fable-5-1"), 58370, 1);
		assertModel(models.get("claude-sonnet-4-20250514"), 9190, 1);
		assertModel(models.get("claude-haiku-4-5-20251001"), 5150, 2);
		assertModel(models.get("claude-opus-4-6"), 5120, 1);
		assertModel(models.get("claude-3-7-sonnet-20250219"), 1700, 1);
	}

	@Test
	void berlinDaysSplitAtLocalMidnight() throws IOException {
		ingest(SampleTranscript.text());
		TokenReport report = sampleReport();
		assertThat(report.days()).hasSize(2);
		assertThat(report.days().get(0).name()).isEqualTo("2026-09-14");
		assertThat(report.days().get(0).totalTokens()).isEqualTo(135181);
		assertThat(report.days().get(1).name()).isEqualTo("2026-09-15");
		assertThat(report.days().get(1).totalTokens()).isEqualTo(3650);
		assertThat(report.days().get(1).messages()).isEqualTo(1);
	}

	@Test
	void sampleCostUsesTableAndReportedCost() throws IOException {
		ingest(SampleTranscript.text());
		TokenReport report = sampleReport();
		// 0.086263 from table prices without the fast multiplier, 0.0123 reported by the
		// legacy line, 0.0255 for the 6x fast-mode price of Opus 4.6, 0.53762 for Fable
		assertThat(report.total().costUsd()).isCloseTo(0.0862634 + 0.0123 + 0.0255 + 0.53762, within(1e-9));
		assertThat(report.costComplete()).isTrue();
		assertThat(report.unpricedModels()).isEmpty();
	}

	@Test
	void dailyRowsCarryModelDetail() throws IOException {
		ingest(SampleTranscript.text());
		DailyTokens haikuLate = sampleReport().daily()
			.stream()
			.filter((row) -> row.date().equals(LocalDate.parse("2026-09-15")))
			.findFirst()
			.orElseThrow();
		assertThat(haikuLate.model()).isEqualTo("claude-haiku-4-5-20251001");
		assertThat(haikuLate.inputTokens()).isEqualTo(50);
		assertThat(haikuLate.outputTokens()).isEqualTo(100);
		assertThat(haikuLate.cacheCreationTokens()).isEqualTo(500);
		assertThat(haikuLate.cacheReadTokens()).isEqualTo(3000);
		assertThat(haikuLate.costUsd()).isCloseTo(0.001475, within(1e-12));
		assertThat(haikuLate.messages()).isEqualTo(1);
		assertThat(haikuLate.unpricedTokens()).isZero();
	}

	@Test
	void reportRendersAsJson() throws IOException {
		ingest(SampleTranscript.text());
		String json = this.mapper.writeValueAsString(sampleReport());
		assertThat(json).contains("\"zone\":\"Europe/Berlin\"")
			.contains("{\"date\":\"2026-09-15\",\"model\":\"claude-haiku-4-5-20251001\",\"inputTokens\":50,"
					+ "\"outputTokens\":100,\"cacheCreationTokens\":500,\"cacheReadTokens\":3000,\"costUsd\":0.001475,"
					+ "\"messages\":1,\"unpricedTokens\":0}")
			.contains("\"costComplete\":true")
			.contains("\"currentBlock\":{\"start\":\"2026-09-14T08:00:00Z\"");
	}

	@Test
	void sameFileTwiceChangesNothing() throws IOException {
		ingest(SampleTranscript.text());
		IngestResult second = ingest(SampleTranscript.text());
		assertThat(second.stored()).isZero();
		assertThat(second.duplicates()).isEqualTo(14);
		assertThat(sampleReport().total().totalTokens()).isEqualTo(138831);
		assertThat(rowCount()).isEqualTo(11);
	}

	@Test
	void overlappingRangesChangeNothing() throws IOException {
		ingest(SampleTranscript.lines(1, 15));
		ingest(SampleTranscript.lines(10, 31));
		ingest(SampleTranscript.lines(5, 25));
		assertThat(sampleReport().total().totalTokens()).isEqualTo(138831);
		assertThat(sampleReport().total().outputTokens()).isEqualTo(6967);
	}

	@Test
	void largestLineWinsInAnyOrder() throws IOException {
		ingest(SampleTranscript.lines(6, 6));
		ingest(SampleTranscript.lines(4, 5));
		assertThat(sampleReport().total().outputTokens()).isEqualTo(412);
	}

	@Test
	void sidechainReplayDroppedInAnyOrder() throws IOException {
		ingest(SampleTranscript.lines(14, 14));
		assertThat(sampleReport().total().messages()).as("replay counts while its parent is unknown").isEqualTo(1);
		ingest(SampleTranscript.text());
		assertThat(sampleReport().total().messages()).isEqualTo(10);
		assertThat(sampleReport().total().cacheCreation1hTokens()).isEqualTo(3000);
	}

	@Test
	void sessionsAreSummed() throws IOException {
		ingest(SampleTranscript.text());
		var sessions = this.reports.sessions("me", LocalDate.parse("2026-09-14"), LocalDate.parse("2026-09-15"));
		assertThat(sessions).hasSize(1);
		assertThat(sessions.get(0).name()).isEqualTo("00000000-0000-4000-8000-000000000001");
		assertThat(sessions.get(0).totalTokens()).isEqualTo(138831);
	}

	@Test
	void unknownAccountGetsEmptyReport() {
		TokenReport report = this.reports.report("nobody", LocalDate.parse("2026-09-14"),
				LocalDate.parse("2026-09-15"));
		assertThat(report.daily()).isEmpty();
		assertThat(report.total().messages()).isZero();
		assertThat(report.total().costUsd()).isNull();
	}

	private TokenReport sampleReport() {
		return this.reports.report("me", LocalDate.parse("2026-09-13"), LocalDate.parse("2026-09-16"));
	}

	private IngestResult ingest(String text) throws IOException {
		return this.ingester.ingest(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
				new IngestTarget(this.accountId, "-home-user-example-project", null), false);
	}

	private long rowCount() {
		return this.jdbc.sql("SELECT COUNT(*) FROM token_usage").query(Long.class).single();
	}

	private static void assertModel(TokenSummary summary, long tokens, long responses) {
		assertThat(summary.totalTokens()).as(summary.name()).isEqualTo(tokens);
		assertThat(summary.messages()).as(summary.name()).isEqualTo(responses);
	}

	@TestConfiguration
	static class FixedClock {

		@Bean
		@Primary
		Clock testClock() {
			return Clock.fixed(NOW, ZoneOffset.UTC);
		}

	}

}
