package dev.usagemonitor.transcript.report;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import dev.usagemonitor.collect.AccountRepository;
import dev.usagemonitor.transcript.SampleTranscript;
import dev.usagemonitor.transcript.ingest.IngestTarget;
import dev.usagemonitor.transcript.ingest.TranscriptIngester;
import dev.usagemonitor.support.StoreTest;
import dev.usagemonitor.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@StoreTest
class BlockTests {

	static final Instant NOW = Instant.parse("2026-09-14T10:00:00Z");

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

	@BeforeEach
	void ingestSample() throws IOException {
		this.ingester.ingest(new ByteArrayInputStream(SampleTranscript.text().getBytes(StandardCharsets.UTF_8)),
				new IngestTarget(this.accounts.ensure("me", "push"), "p", null), false);
	}

	@Test
	void pauseLongerThanFiveHoursStartsBlock() {
		List<UsageBlock> blocks = this.reports.blocks("me", Instant.parse("2026-09-14T00:00:00Z"),
				Instant.parse("2026-09-16T00:00:00Z"));
		assertThat(blocks).hasSize(2);
		assertThat(blocks.get(0).start()).isEqualTo(Instant.parse("2026-09-14T08:00:00Z"));
		assertThat(blocks.get(0).end()).isEqualTo(Instant.parse("2026-09-14T13:00:00Z"));
		assertThat(blocks.get(0).usage().messages()).isEqualTo(9);
		assertThat(blocks.get(0).usage().totalTokens()).isEqualTo(135181);
		assertThat(blocks.get(1).start()).isEqualTo(Instant.parse("2026-09-14T23:00:00Z"));
		assertThat(blocks.get(1).usage().totalTokens()).isEqualTo(3650);
		assertThat(blocks.get(1).burnRate()).as("one response has no rate").isNull();
	}

	@Test
	void currentBlockHasBurnRateAndProjection() {
		UsageBlock block = this.reports.currentBlock("me").orElseThrow();
		assertThat(block.active()).isTrue();
		assertThat(block.start()).isEqualTo(Instant.parse("2026-09-14T08:00:00Z"));
		assertThat(block.firstAt()).isEqualTo(Instant.parse("2026-09-14T08:00:05.910Z"));
		assertThat(block.lastAt()).isEqualTo(Instant.parse("2026-09-14T08:40:00Z"));
		double minutes = Duration.between(block.firstAt(), block.lastAt()).toMillis() / 60_000d;
		assertThat(block.burnRate().tokensPerMinute()).isCloseTo(135181 / minutes, within(1e-6));
		assertThat(block.projected().totalTokens()).isEqualTo(135181 + Math.round(135181 / minutes * 180));
		assertThat(block.models()).contains("claude-sonnet-4-6", "claude-fable-5-1");
	}

	@Test
	void reportCarriesCurrentBlock() {
		TokenReport report = this.reports.recent("me", 7);
		assertThat(report.currentBlock()).isNotNull();
		assertThat(report.to()).isEqualTo(LocalDate.parse("2026-09-14"));
		assertThat(report.from()).isEqualTo(LocalDate.parse("2026-09-08"));
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
