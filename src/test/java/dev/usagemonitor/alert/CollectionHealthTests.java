package dev.usagemonitor.alert;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import dev.usagemonitor.collect.CollectionStatus;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replays collection runs, one every 10 minutes with a staleness limit of 30 minutes, and
 * checks the collection health events of every run. A step is a status code; {@code ok}
 * also stores a window observation.
 */
class CollectionHealthTests extends AlertTestSupport {

	static Stream<Arguments> scenarios() {
		return Stream.of(row("two failures stay quiet", "ok | network_error | network_error", "- | - | -"),
				row("third identical failure fires",
						"ok | network_error | network_error | network_error | network_error",
						"- | - | - | collection_failing:warning:firing | -"),
				row("next ok resolves", "ok | rate_limited | rate_limited | rate_limited | ok",
						"- | - | - | collection_failing:warning:firing | collection_failing:warning:resolved"),
				row("mixed failures within the limit", "ok | network_error | rate_limited | network_error",
						"- | - | - | -"),
				row("no success for too long", "ok | network_error | rate_limited | server_error | network_error",
						"- | - | - | - | collection_failing:warning:firing"),
				row("never succeeded", "network_error | network_error | network_error",
						"- | - | collection_failing:warning:firing"),
				row("session expired fires at once", "ok | session_expired | session_expired | session_expired | ok",
						"- | session_expired:critical:firing | - | - | session_expired:critical:resolved"),
				row("refresh failure fires at once", "ok | token_refresh_failed",
						"- | token_refresh_failed:critical:firing"),
				row("missing scope fires at once", "scope_missing", "scope_missing:critical:firing"),
				row("new episode fires again", "session_expired | ok | session_expired",
						"session_expired:critical:firing | session_expired:critical:resolved | "
								+ "session_expired:critical:firing"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("scenarios")
	void collectionHealth(String name, List<String> steps, List<List<String>> expected) {
		String account = uniqueName("health");
		long accountId = account(account);
		for (int i = 0; i < steps.size(); i++) {
			advance(Duration.ofMinutes(10));
			CollectionStatus status = CollectionStatus.ofCode(steps.get(i));
			if (status == CollectionStatus.OK) {
				observe(accountId, session(10.0, this.clock.instant().plus(Duration.ofHours(4))));
			}
			else {
				run(accountId, status, "Collection failed with " + status.code() + ": see the log");
			}
			List<AlertEvent> events = evaluate(account).stream()
				.filter((event) -> AlertType.COLLECTION.contains(event.type()))
				.toList();
			assertThat(summary(events)).as("events after run %d (%s)", i + 1, steps.get(i)).isEqualTo(expected.get(i));
		}
	}

	@Test
	void credentialAlertCarriesRunMessage() {
		String account = uniqueName("health");
		long accountId = account(account);
		run(accountId, CollectionStatus.SESSION_EXPIRED,
				"The claude.ai session expired: copy a new sessionKey cookie into monitor.accounts[0].session-key");
		AlertEvent event = evaluate(account).get(0);
		assertThat(event.title()).isEqualTo(account + ": claude.ai session expired");
		assertThat(event.message()).isEqualTo(account
				+ ": The claude.ai session expired: copy a new sessionKey cookie into monitor.accounts[0].session-key");
	}

	@Test
	void pushedAccountWithoutRunsIsSkipped() {
		String account = uniqueName("health");
		long accountId = account(account);
		this.observations.saveAll(accountId, null, this.clock.instant().minus(Duration.ofDays(2)), "statusline",
				List.of(session(20.0, this.clock.instant())));
		assertThat(evaluate(account)).isEmpty();
	}

	private static Arguments row(String name, String steps, String expected) {
		List<List<String>> events = new ArrayList<>();
		for (String step : expected.split("\\|")) {
			String trimmed = step.trim();
			events.add(trimmed.equals("-") ? List.of() : List.of(trimmed));
		}
		return Arguments.of(name, Arrays.stream(steps.split("\\|")).map(String::trim).toList(), events);
	}

}
