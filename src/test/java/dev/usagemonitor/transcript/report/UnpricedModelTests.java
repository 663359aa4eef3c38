package dev.usagemonitor.transcript.report;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;

import dev.usagemonitor.collect.AccountRepository;
import dev.usagemonitor.transcript.SampleTranscript;
import dev.usagemonitor.transcript.ingest.IngestResult;
import dev.usagemonitor.transcript.ingest.IngestTarget;
import dev.usagemonitor.transcript.ingest.TranscriptIngester;
import dev.usagemonitor.support.StoreTest;
import dev.usagemonitor.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The sample session priced with a table that lacks Claude Fable: its tokens are reported
 * as unpriced and the totals are marked incomplete.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "monitor.zone=Europe/Berlin",
				"monitor.pricing.file=target/test-classes/pricing-without-fable.json" })
@StoreTest
class UnpricedModelTests {

	@TempDir
	static Path folder;

	@Autowired
	TranscriptIngester ingester;

	@Autowired
	TokenReportService reports;

	@Autowired
	AccountRepository accounts;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.register(registry, folder);
	}

	@Test
	void unpricedModelIsReportedNotZero() throws IOException {
		IngestResult result = this.ingester.ingest(
				new ByteArrayInputStream(SampleTranscript.text().getBytes(StandardCharsets.UTF_8)),
				new IngestTarget(this.accounts.ensure("me", "push"), "p", null), false);
		assertThat(result.unpricedTokens()).isEqualTo(58370);
		assertThat(result.unpricedModels()).containsExactly("claude-fable-5-1");
		TokenReport report = this.reports.report("me", LocalDate.parse("2026-09-14"), LocalDate.parse("2026-09-15"));
		assertThat(report.costComplete()).isFalse();
		assertThat(report.unpricedModels()).containsExactly("claude-fable-5-1");
		assertThat(report.total().unpricedTokens()).isEqualTo(58370);
		// table prices without the fast multiplier plus the legacy line's own costUSD
		assertThat(report.total().costUsd()).isCloseTo(0.0862634 + 0.0123, within(1e-9));
		TokenSummary fable = report.models()
			.stream()
			.filter((model) -> model.name().equals("claude-fable-5-1"))
			.findFirst()
			.orElseThrow();
		assertThat(fable.costUsd()).isNull();
		assertThat(fable.costComplete()).isFalse();
		assertThat(report.priceSource()).endsWith("pricing-without-fable.json");
	}

}
