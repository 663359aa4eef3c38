package dev.usagemonitor.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spend windows and level overrides as configured in {@link AlertTestSupport}: weekly
 * windows warn at 60 %, account {@code strict} is critical at 80 %, account
 * {@code spender} warns at 20 and is critical at 50 of uncapped spend.
 */
class LevelOverrideTests extends AlertTestSupport {

	@Test
	void cappedSpendUsesPercentOfCap() {
		String account = uniqueName("spend");
		long accountId = account(account);
		observe(accountId, spend(763, 2000L, "USD"));
		assertThat(evaluate(account)).isEmpty();
		advance(Duration.ofMinutes(10));
		observe(accountId, spend(1500, 2000L, "USD"));
		List<AlertEvent> events = evaluate(account);
		assertThat(summary(events)).containsExactly("threshold:warning:firing");
		assertThat(events.get(0).value()).isEqualTo(75.0);
	}

	@Test
	void uncappedSpendUsesAccountAmounts() {
		long accountId = account("spender");
		observe(accountId, spend(1999, null, "EUR"));
		assertThat(evaluate("spender")).isEmpty();
		advance(Duration.ofMinutes(10));
		observe(accountId, spend(2500, null, "EUR"));
		List<AlertEvent> warning = evaluate("spender");
		assertThat(summary(warning)).containsExactly("threshold:warning:firing");
		assertThat(warning.get(0).message()).isEqualTo(
				"spender: extra usage spend at 25.00 EUR, over the warning amount of 20.00 EUR — check the extra usage"
						+ " settings on claude.ai");
		advance(Duration.ofMinutes(10));
		observe(accountId, spend(5000, null, "EUR"));
		assertThat(summary(evaluate("spender"))).containsExactly("threshold:critical:firing");
	}

	@Test
	void uncappedSpendWithoutAmountsStaysQuiet() {
		String account = uniqueName("spend");
		long accountId = account(account);
		observe(accountId, spend(1_000_000, null, "USD"));
		assertThat(evaluate(account)).isEmpty();
	}

	@Test
	void spendResetFiresAgainWithoutInstances() {
		long accountId = account("spender-reset");
		observe(accountId, spend(1500, 2000L, "USD"));
		assertThat(summary(evaluate("spender-reset"))).containsExactly("threshold:warning:firing");
		advance(Duration.ofMinutes(10));
		observe(accountId, spend(100, 2000L, "USD"));
		assertThat(summary(evaluate("spender-reset"))).containsExactly("threshold:warning:resolved");
		advance(Duration.ofMinutes(10));
		observe(accountId, spend(1500, 2000L, "USD"));
		assertThat(summary(evaluate("spender-reset"))).containsExactly("threshold:warning:firing");
	}

	@Test
	void kindOverrideAppliesToItsKindOnly() {
		String account = uniqueName("kinds");
		long accountId = account(account);
		Instant resetsAt = START.plus(Duration.ofDays(3));
		observe(accountId, weekly(65.0, resetsAt), session(65.0, START.plus(Duration.ofHours(2))));
		List<AlertEvent> events = evaluate(account);
		assertThat(summary(events)).containsExactly("threshold:warning:firing");
		assertThat(events.get(0).window()).isEqualTo("seven_day");
	}

	@Test
	void accountOverrideAppliesToItsAccountOnly() {
		String other = uniqueName("kinds");
		long strictId = account("strict");
		long otherId = account(other);
		observe(strictId, session(82.0, START.plus(Duration.ofHours(2))));
		observe(otherId, session(82.0, START.plus(Duration.ofHours(2))));
		assertThat(summary(evaluate("strict"))).containsExactly("threshold:critical:firing");
		assertThat(summary(evaluate(other))).containsExactly("threshold:warning:firing");
	}

}
