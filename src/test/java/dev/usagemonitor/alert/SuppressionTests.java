package dev.usagemonitor.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Silences and quiet hours as configured in {@link AlertTestSupport}: the silence
 * {@code holiday} covers account {@code silenced} until 12:00 UTC, an unnamed silence
 * covers window resets of {@code resets-muted}, and quiet hours run from 02:00 to 03:00
 * Europe/Paris.
 */
class SuppressionTests extends AlertTestSupport {

	@Test
	void silenceMarksEventsAndKeepsEvaluation() {
		long accountId = account("silenced");
		observe(accountId, session(91.0, START.plus(Duration.ofHours(3))));
		List<AlertEvent> events = evaluate("silenced");
		assertThat(summary(events)).containsExactly("threshold:critical:firing");
		assertThat(events.get(0).suppressedBy()).isEqualTo("silence:holiday");
		assertThat(storedSuppression(events.get(0))).isEqualTo("silence:holiday");
		this.clock.set(Instant.parse("2026-12-01T12:00:00Z"));
		observe(accountId, session(50.0, Instant.parse("2026-12-01T16:00:00Z")));
		List<AlertEvent> afterSilence = evaluate("silenced");
		assertThat(summary(afterSilence)).containsExactly("threshold:critical:resolved", "window_reset:info:firing");
		assertThat(afterSilence).allSatisfy((event) -> assertThat(event.suppressedBy()).isNull());
	}

	@Test
	void silenceMatchesTypeOnly() {
		long accountId = account("resets-muted");
		observe(accountId, session(95.0, START.plus(Duration.ofMinutes(30))));
		List<AlertEvent> fired = evaluate("resets-muted");
		assertThat(fired.get(0).suppressedBy()).isNull();
		this.clock.set(START.plus(Duration.ofMinutes(45)));
		observe(accountId, session(1.0, START.plus(Duration.ofHours(5))));
		List<AlertEvent> reset = evaluate("resets-muted");
		assertThat(summary(reset)).containsExactly("threshold:critical:resolved", "window_reset:info:firing");
		assertThat(reset.get(0).suppressedBy()).isNull();
		assertThat(reset.get(1).suppressedBy()).isEqualTo("silence:silence-2");
	}

	@Test
	void quietHoursMarkEventsInConfiguredZone() {
		String account = uniqueName("quiet");
		long accountId = account(account);
		this.clock.set(Instant.parse("2026-12-02T01:30:00Z"));
		observe(accountId, session(75.0, Instant.parse("2026-12-02T04:00:00Z")));
		List<AlertEvent> quiet = evaluate(account);
		assertThat(summary(quiet)).containsExactly("threshold:warning:firing");
		assertThat(quiet.get(0).suppressedBy()).isEqualTo("quiet-hours");
		assertThat(storedSuppression(quiet.get(0))).isEqualTo("quiet-hours");
		this.clock.set(Instant.parse("2026-12-02T02:00:00Z"));
		observe(accountId, session(91.0, Instant.parse("2026-12-02T04:00:00Z")));
		List<AlertEvent> awake = evaluate(account);
		assertThat(summary(awake)).contains("threshold:critical:firing");
		assertThat(awake).extracting(AlertEvent::suppressedBy).containsOnlyNulls();
	}

	private String storedSuppression(AlertEvent event) {
		return this.jdbc.sql("SELECT suppressed_by FROM alert_events WHERE id = :id")
			.param("id", event.id())
			.query(String.class)
			.single();
	}

}
