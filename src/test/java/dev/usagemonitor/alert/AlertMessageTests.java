package dev.usagemonitor.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.usagemonitor.collect.UsageWindow;
import dev.usagemonitor.collect.WindowKind;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Titles and messages of window alerts, rendered in Europe/Paris.
 */
class AlertMessageTests extends AlertTestSupport {

	/** Tuesday 09:00 in Europe/Paris, a week after the start. */
	private static final Instant WEEKLY_RESET = Instant.parse("2026-12-08T08:00:00Z");

	@Test
	void criticalNamesValueAndReset() {
		String account = uniqueName("words");
		observe(account(account), weekly(91.0, WEEKLY_RESET));
		AlertEvent event = evaluate(account).get(0);
		assertThat(event.title()).isEqualTo(account + ": weekly limit (all models) critical");
		assertThat(event.message())
			.isEqualTo(account + ": weekly limit (all models) at 91 % — resets Tue 09:00 Europe/Paris");
	}

	@Test
	void exhaustedSaysWhenWorkCanResume() {
		String account = uniqueName("words");
		observe(account(account), weekly(100.0, WEEKLY_RESET));
		AlertEvent event = evaluate(account).get(0);
		assertThat(event.message()).isEqualTo(
				account + ": weekly limit (all models) used up at 100 % — you can work again Tue 09:00 Europe/Paris");
	}

	@Test
	void resolvedNamesTheLevel() {
		String account = uniqueName("words");
		long accountId = account(account);
		observe(accountId, weekly(91.0, WEEKLY_RESET));
		evaluate(account);
		advance(Duration.ofMinutes(10));
		observe(accountId, weekly(42.5, WEEKLY_RESET));
		AlertEvent event = evaluate(account).get(0);
		assertThat(event.title()).isEqualTo(account + ": weekly limit (all models) back under critical");
		assertThat(event.message())
			.isEqualTo(account + ": weekly limit (all models) at 42.5 %, under the critical level of 90 %");
	}

	@Test
	void resetNoticeSaysWorkCanResume() {
		String account = uniqueName("words");
		long accountId = account(account);
		Instant resetsAt = START.plus(Duration.ofMinutes(30));
		observe(accountId, session(100.0, resetsAt));
		evaluate(account);
		this.clock.set(resetsAt.plus(Duration.ofMinutes(10)));
		observe(accountId, session(0.0, resetsAt.plus(Duration.ofHours(5))));
		List<AlertEvent> events = evaluate(account);
		assertThat(events.get(0).message())
			.isEqualTo(account + ": 5-hour session limit reset at Tue 09:30 Europe/Paris, now at 0 %");
		assertThat(events.get(1).title()).isEqualTo(account + ": 5-hour session limit available again");
		assertThat(events.get(1).message()).isEqualTo(account + ": 5-hour session limit has reset and is at 0 %"
				+ " — you can work again; next reset Tue 14:30 Europe/Paris");
	}

	@Test
	void windowNamesFollowKind() {
		assertThat(AlertFormat.windowName(
				new UsageWindow("weekly_scoped:fable", WindowKind.WEEKLY_SCOPED, "Weekly (Fable)", 1.0, null, null)))
			.isEqualTo("weekly limit (Fable)");
		assertThat(AlertFormat
			.windowName(new UsageWindow("nimbus_quill", WindowKind.OTHER, "nimbus_quill", 1.0, null, null)))
			.isEqualTo("nimbus_quill limit");
	}

	@Test
	void percentKeepsOneDecimal() {
		assertThat(AlertFormat.percent(91.0)).isEqualTo("91 %");
		assertThat(AlertFormat.percent(42.5)).isEqualTo("42.5 %");
		assertThat(AlertFormat.percent(89.96)).isEqualTo("90 %");
		assertThat(AlertFormat.percent(130)).isEqualTo("130 %");
	}

}
