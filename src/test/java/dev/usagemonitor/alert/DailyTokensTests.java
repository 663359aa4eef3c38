package dev.usagemonitor.alert;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Daily token levels from stored transcript rows. The configured zone is Europe/Paris,
 * one hour ahead of UTC in December.
 */
class DailyTokensTests extends AlertTestSupport {

	@Test
	void accountWithoutTokenRowsIsSkipped() {
		String account = uniqueName("tokens");
		account(account);
		assertThat(evaluate(account)).isEmpty();
	}

	@Test
	void levelsEscalateAndEndWithTheDay() {
		String account = uniqueName("tokens");
		long accountId = account(account);
		tokens(accountId, START.minusSeconds(600), 8000, 1000, 0, 0);
		assertThat(summary(evaluate(account))).isEmpty();
		tokens(accountId, START.minusSeconds(300), 1500, 500, 0, 0);
		assertThat(summary(evaluate(account))).containsExactly("daily_tokens:warning:firing");
		tokens(accountId, START.minusSeconds(60), 9000, 1000, 0, 0);
		assertThat(summary(evaluate(account))).containsExactly("daily_tokens:critical:firing");
		assertThat(summary(evaluate(account))).isEmpty();
		this.clock.set(Instant.parse("2026-12-01T23:10:00Z"));
		assertThat(summary(evaluate(account))).containsExactly("daily_tokens:critical:resolved");
		assertThat(summary(evaluate(account))).isEmpty();
	}

	@Test
	void cacheReadsDoNotCount() {
		String account = uniqueName("tokens");
		long accountId = account(account);
		tokens(accountId, START.minusSeconds(60), 4000, 1000, 4000, 1_000_000);
		assertThat(evaluate(account)).isEmpty();
		tokens(accountId, START.minusSeconds(30), 0, 0, 1000, 0);
		assertThat(summary(evaluate(account))).containsExactly("daily_tokens:warning:firing");
	}

	@Test
	void dayFollowsConfiguredZone() {
		String account = uniqueName("tokens");
		long accountId = account(account);
		tokens(accountId, Instant.parse("2026-12-01T22:30:00Z"), 12000, 3000, 0, 0);
		this.clock.set(Instant.parse("2026-12-01T22:45:00Z"));
		List<AlertEvent> lateEvening = evaluate(account);
		assertThat(summary(lateEvening)).containsExactly("daily_tokens:warning:firing");
		assertThat(lateEvening.get(0).message()).isEqualTo(
				account + ": 15,000 tokens used today (Europe/Paris), over the warning level of 10,000 — check for"
						+ " long-running sessions");
		this.clock.set(Instant.parse("2026-12-01T23:30:00Z"));
		assertThat(summary(evaluate(account))).containsExactly("daily_tokens:warning:resolved");
	}

	@Test
	void accountOverrideLowersLevel() {
		long accountId = account("light");
		tokens(accountId, START.minusSeconds(60), 400, 200, 0, 0);
		assertThat(summary(evaluate("light"))).containsExactly("daily_tokens:warning:firing");
	}

}
