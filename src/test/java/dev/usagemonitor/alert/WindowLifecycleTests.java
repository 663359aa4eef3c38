package dev.usagemonitor.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replays sequences of 5-hour window observations, one cycle every 10 minutes, and checks
 * the events of every cycle.
 * <p>
 * Step grammar: {@code 75} observes 75 % with the current reset instant; {@code 75~+90}
 * shifts the reported reset by 90 seconds; {@code 75@-40} stores the observation 40
 * minutes in the past; {@code next:2} moves the clock past the reset and observes 2 % in
 * the next instance; {@code early:2} observes 2 % with a reset 5 hours ahead before the
 * old reset came; {@code unstarted} moves past the reset and observes 0 % without a reset
 * instant; {@code none} observes an unknown value; {@code again} evaluates once more
 * without moving the clock. Expected events per step are {@code type:level:state}, comma
 * separated, or {@code -} for none. Only threshold and window reset events are compared:
 * projections and collection health have their own tests.
 */
class WindowLifecycleTests extends AlertTestSupport {

	static Stream<Arguments> scenarios() {
		return Stream.of(row("below warning", "50", "-"),
				row("warning crossing", "69 | 70", "- | threshold:warning:firing"),
				row("critical crossing", "89 | 90", "threshold:warning:firing | threshold:critical:firing"),
				row("exhausted crossing", "99 | 100", "threshold:critical:firing | threshold:exhausted:firing"),
				row("value over 100", "130", "threshold:exhausted:firing"),
				row("escalation", "75 | 91 | 100",
						"threshold:warning:firing | threshold:critical:firing | threshold:exhausted:firing"),
				row("jump past warning", "95", "threshold:critical:firing"),
				row("repeated evaluation", "75 | again | 76 | again", "threshold:warning:firing | - | - | -"),
				row("hysteresis holds", "91 | 86 | 85", "threshold:critical:firing | - | -"),
				row("hysteresis resolves", "91 | 84.9", "threshold:critical:firing | threshold:critical:resolved"),
				row("once per level per instance", "91 | 80 | 92",
						"threshold:critical:firing | threshold:critical:resolved | -"),
				row("exhausted resolves under 95", "100 | 96 | 94",
						"threshold:exhausted:firing | - | threshold:exhausted:resolved"),
				row("drifting reset instant", "75 | 76~+120 | 77~-90 | 91~+240",
						"threshold:warning:firing | - | - | threshold:critical:firing"),
				row("reset after critical", "91 | next:2",
						"threshold:critical:firing | threshold:critical:resolved, window_reset:info:firing"),
				row("reset after warning only", "75 | next:2", "threshold:warning:firing | threshold:warning:resolved"),
				row("new instance fires again", "75 | next:75",
						"threshold:warning:firing | threshold:warning:resolved, threshold:warning:firing"),
				row("reset announced once", "100 | next:3 | again | 4",
						"threshold:exhausted:firing | threshold:exhausted:resolved, window_reset:info:firing | - | -"),
				row("early reset", "91 | early:1",
						"threshold:critical:firing | threshold:critical:resolved, window_reset:info:firing"),
				row("rescheduled reset", "91 | 92~+3600 | 93~+3600 | 100~+3600",
						"threshold:critical:firing | - | - | threshold:exhausted:firing"),
				row("window not started after reset", "91 | unstarted",
						"threshold:critical:firing | threshold:critical:resolved, window_reset:info:firing"),
				row("unknown value", "none | 91 | none", "- | threshold:critical:firing | -"),
				row("stale value never fires", "95@-40", "-"),
				row("stale value never resolves", "91 | 10@-40 | again", "threshold:critical:firing | - | -"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("scenarios")
	void windowLifecycle(String name, List<String> steps, List<List<String>> expected) {
		String account = uniqueName("lifecycle");
		long accountId = account(account);
		Replay replay = new Replay(accountId, START.plus(Duration.ofHours(3)));
		for (int i = 0; i < steps.size(); i++) {
			replay.apply(steps.get(i));
			List<AlertEvent> events = evaluate(account).stream()
				.filter((event) -> event.type() == AlertType.THRESHOLD || event.type() == AlertType.WINDOW_RESET)
				.toList();
			assertThat(summary(events)).as("events after step %d (%s)", i + 1, steps.get(i)).isEqualTo(expected.get(i));
		}
	}

	private static Arguments row(String name, String steps, String expected) {
		List<List<String>> events = new ArrayList<>();
		for (String step : expected.split("\\|")) {
			String trimmed = step.trim();
			events.add(trimmed.equals("-") ? List.of() : Arrays.stream(trimmed.split(",")).map(String::trim).toList());
		}
		List<String> parsed = Arrays.stream(steps.split("\\|")).map(String::trim).toList();
		return Arguments.of(name, parsed, events);
	}

	/**
	 * Applies steps to the database and the clock.
	 */
	private final class Replay {

		private final long accountId;

		private Instant resetsAt;

		Replay(long accountId, Instant resetsAt) {
			this.accountId = accountId;
			this.resetsAt = resetsAt;
		}

		void apply(String step) {
			if (step.equals("again")) {
				return;
			}
			advance(Duration.ofMinutes(10));
			if (step.equals("none")) {
				observe(this.accountId, session(null, this.resetsAt));
			}
			else if (step.equals("unstarted")) {
				clock.set(this.resetsAt.plus(Duration.ofMinutes(7)));
				observe(this.accountId, session(0.0, null));
			}
			else if (step.startsWith("next:")) {
				clock.set(this.resetsAt.plus(Duration.ofMinutes(7)));
				this.resetsAt = this.resetsAt.plus(Duration.ofHours(5));
				observe(this.accountId, session(Double.parseDouble(step.substring(5)), this.resetsAt));
			}
			else if (step.startsWith("early:")) {
				this.resetsAt = clock.instant().plus(Duration.ofHours(5));
				observe(this.accountId, session(Double.parseDouble(step.substring(6)), this.resetsAt));
			}
			else {
				observeValue(step);
			}
		}

		private void observeValue(String step) {
			String value = step;
			Instant observedAt = clock.instant();
			Instant reported = this.resetsAt;
			if (value.contains("@")) {
				observedAt = observedAt
					.plus(Duration.ofMinutes(Long.parseLong(value.substring(value.indexOf('@') + 1))));
				value = value.substring(0, value.indexOf('@'));
			}
			if (value.contains("~")) {
				reported = reported.plusSeconds(Long.parseLong(value.substring(value.indexOf('~') + 1)));
				value = value.substring(0, value.indexOf('~'));
			}
			observeAt(this.accountId, observedAt, session(Double.parseDouble(value), reported));
		}

	}

}
