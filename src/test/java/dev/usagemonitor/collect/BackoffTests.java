package dev.usagemonitor.collect;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.usagemonitor.collect.BackoffRepository.Backoff;
import dev.usagemonitor.cycle.CycleSummary;
import dev.usagemonitor.cycle.CycleSummary.AccountSummary;
import dev.usagemonitor.cycle.MonitoringCycle;
import dev.usagemonitor.support.StubServer.StubResponse;
import dev.usagemonitor.support.StubbedMonitorTests;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTests extends StubbedMonitorTests {

	@Autowired
	MonitoringCycle cycle;

	@Autowired
	BackoffRepository backoffs;

	@Autowired
	AccountRepository accountRows;

	@BeforeEach
	void stubResponses() {
		stub.on(ORGANIZATIONS_PATH, StubResponse.fixture(200, "claude-orgs-single.json"));
		stub.on(MAX_USAGE_PATH, StubResponse.fixture(200, "claude-usage-2026.json"));
		stub.on(TOKEN_PATH, StubResponse.fixture(200, "oauth-token-refresh-response.json"));
	}

	@Test
	void rateLimitedAccountBacksOffAcrossCycles() {
		stub.on(OAUTH_USAGE_PATH, rateLimited("0"));
		int requests = mainUsageRequests();

		AccountSummary first = main(this.cycle.run());
		assertThat(first.status()).isEqualTo("rate_limited");
		assertThat(mainUsageRequests()).isEqualTo(requests + 1);
		assertThat(backoff()).contains(new Backoff(1, START.plus(Duration.ofMinutes(15))));

		this.clock.advance(Duration.ofMinutes(10));
		AccountSummary skipped = main(this.cycle.run());
		assertThat(skipped.status()).isEqualTo("rate_limited");
		assertThat(skipped.message()).startsWith("Skipped").contains("2026-09-14T12:15:00Z");
		assertThat(mainUsageRequests()).isEqualTo(requests + 1);

		this.clock.advance(Duration.ofMinutes(6));
		main(this.cycle.run());
		assertThat(mainUsageRequests()).isEqualTo(requests + 2);
		assertThat(backoff()).contains(new Backoff(2, this.clock.instant().plus(Duration.ofMinutes(30))));

		this.clock.advance(Duration.ofMinutes(31));
		stub.on(OAUTH_USAGE_PATH, StubResponse.fixture(200, "oauth-usage.json"));
		AccountSummary recovered = main(this.cycle.run());
		assertThat(recovered.status()).isEqualTo("ok");
		assertThat(recovered.windowsStored()).isEqualTo(3);
		assertThat(backoff()).isEmpty();
	}

	@Test
	void backoffStopsDoublingAtMaximum() {
		stub.on(OAUTH_USAGE_PATH, rateLimited("0"));
		for (int cycles = 0; cycles < 7; cycles++) {
			this.cycle.run();
			this.clock.set(backoff().orElseThrow().blockedUntil());
		}
		this.cycle.run();
		assertThat(backoff().orElseThrow().failures()).isEqualTo(8);
		assertThat(Duration.between(this.clock.instant(), backoff().orElseThrow().blockedUntil()))
			.isEqualTo(Duration.ofHours(6));
	}

	@Test
	void positiveRetryAfterIsHonoured() {
		stub.on(OAUTH_USAGE_PATH, rateLimited("3600"));
		this.cycle.run();
		assertThat(backoff().orElseThrow().blockedUntil()).isEqualTo(START.plus(Duration.ofHours(1)));
	}

	@Test
	void retryAfterDateIsHonoured() {
		stub.on(OAUTH_USAGE_PATH, rateLimited("Mon, 14 Sep 2026 14:00:00 GMT"));
		this.cycle.run();
		assertThat(backoff().orElseThrow().blockedUntil()).isEqualTo(Instant.parse("2026-09-14T14:00:00Z"));
	}

	private Optional<Backoff> backoff() {
		return this.backoffs.find(this.accountRows.findId("oauth-main").orElseThrow());
	}

	private static StubResponse rateLimited(String retryAfter) {
		return StubResponse.fixture(429, "error-429.json").header("retry-after", retryAfter);
	}

	private static int mainUsageRequests() {
		return (int) stub.requests(OAUTH_USAGE_PATH)
			.stream()
			.filter((request) -> ("Bearer " + MAIN_ACCESS).equals(request.header("authorization")))
			.count();
	}

	private static AccountSummary main(CycleSummary summary) {
		return summary.accounts()
			.stream()
			.filter((account) -> account.name().equals("oauth-main"))
			.findFirst()
			.orElseThrow();
	}

}
