package dev.usagemonitor.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replays 5-hour window observations whose instance resets two hours after the start and
 * checks the {@code projected_exhaustion} events of every step. A step is
 * {@code minute:percent}; {@code #old} reports the observation in an earlier instance.
 */
class ProjectionTests extends AlertTestSupport {

	private static final Instant RESETS_AT = START.plus(Duration.ofHours(2));

	static Stream<Arguments> scenarios() {
		return Stream.of(row("fast burn fires", "0:40 | 15:55", "- | firing"),
				row("slow burn stays quiet", "0:40 | 15:42 | 30:44", "- | - | -"),
				row("single observation", "0:80", "-"), row("span under 15 minutes", "0:40 | 10:60", "- | -"),
				row("resolves when burn slows", "0:40 | 15:55 | 60:56 | 75:56", "- | firing | resolved | -"),
				row("fires once per instance", "0:40 | 15:55 | 60:56 | 70:70 | 80:85", "- | firing | resolved | - | -"),
				row("exhausted replaces projection", "0:40 | 15:55 | 30:100", "- | firing | -"),
				row("earlier instance ignored", "0:10#old | 15:60", "- | -"),
				row("falling value never projects", "0:60 | 20:50", "- | -"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("scenarios")
	void projection(String name, List<String> steps, List<String> expected) {
		String account = uniqueName("projection");
		long accountId = account(account);
		for (int i = 0; i < steps.size(); i++) {
			observeStep(accountId, steps.get(i));
			List<String> events = evaluate(account).stream()
				.filter((event) -> event.type() == AlertType.PROJECTED_EXHAUSTION)
				.map((event) -> event.state().code())
				.toList();
			List<String> expectedEvents = expected.get(i).equals("-") ? List.of() : List.of(expected.get(i));
			assertThat(events).as("projection events after step %d (%s)", i + 1, steps.get(i))
				.isEqualTo(expectedEvents);
		}
	}

	@Test
	void projectionMessageNamesBothInstants() {
		String account = uniqueName("projection");
		long accountId = account(account);
		observeStep(accountId, "0:40");
		evaluate(account);
		observeStep(accountId, "15:55");
		AlertEvent event = evaluate(account).stream()
			.filter((candidate) -> candidate.type() == AlertType.PROJECTED_EXHAUSTION)
			.findFirst()
			.orElseThrow();
		assertThat(event.message()).isEqualTo(account + ": 5-hour session limit at 55 %, rising 60 % an hour"
				+ " — runs out about Tue 10:00 Europe/Paris, before the reset Tue 11:00 Europe/Paris");
		assertThat(event.level()).isEqualTo(AlertLevel.WARNING);
	}

	@Test
	void exhaustedClosesProjectionWithoutEvent() {
		String account = uniqueName("projection");
		long accountId = account(account);
		for (String step : List.of("0:40", "15:55", "30:100")) {
			observeStep(accountId, step);
			evaluate(account);
		}
		String resolution = this.jdbc.sql("""
				SELECT a.resolution FROM alerts a JOIN accounts c ON c.id = a.account_id
				WHERE c.name = :name AND a.type = 'projected_exhaustion'
				""").param("name", account).query(String.class).single();
		assertThat(resolution).isEqualTo("escalated");
	}

	private void observeStep(long accountId, String step) {
		boolean old = step.endsWith("#old");
		String[] parts = step.replace("#old", "").split(":");
		this.clock.set(START.plus(Duration.ofMinutes(Long.parseLong(parts[0]))));
		Instant resetsAt = old ? START.plus(Duration.ofMinutes(5)) : RESETS_AT;
		observe(accountId, session(Double.parseDouble(parts[1]), resetsAt));
	}

	private static Arguments row(String name, String steps, String expected) {
		return Arguments.of(name, split(steps), split(expected));
	}

	private static List<String> split(String text) {
		return Arrays.stream(text.split("\\|")).map(String::trim).toList();
	}

}
