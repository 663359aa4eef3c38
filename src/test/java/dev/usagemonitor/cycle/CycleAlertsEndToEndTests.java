package dev.usagemonitor.cycle;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.usagemonitor.collect.AccountRepository;
import dev.usagemonitor.support.StubServer.StubResponse;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replays sequences of cycles over {@code POST /} against a claude.ai stub whose usage
 * responses change from cycle to cycle, and checks every alert event each cycle fires or
 * resolves, in the summary and in the database.
 */
class CycleAlertsEndToEndTests extends CycleEndToEndTestSupport {

	@Autowired
	AccountRepository accountRows;

	/**
	 * First reset of the session window. The response at 12:30 reports it 90 seconds
	 * later.
	 */
	private static final Instant SESSION_RESET = Instant.parse("2026-09-14T13:00:00Z");

	/** Reset of the session window that starts at 13:00. */
	private static final Instant NEXT_SESSION_RESET = Instant.parse("2026-09-14T18:00:00Z");

	/**
	 * Reset of the weekly window, close enough that its slow rise never projects
	 * exhaustion before it.
	 */
	private static final Instant WEEKLY_RESET = Instant.parse("2026-09-14T14:00:00Z");

	private static final StubResponse SERVER_ERROR = StubResponse.json(500,
			"{\"type\":\"error\",\"error\":{\"type\":\"api_error\",\"message\":\"Internal server error\"}}");

	private static final StubResponse SESSION_INVALID = StubResponse.fixture(403, "error-403-permission.json");

	/**
	 * The cycles of one afternoon of the {@code personal} account, one every 10 minutes,
	 * with the events each must report. The session window climbs through every level and
	 * resets, the weekly window crosses 70 %, collection fails three times and recovers,
	 * and the last cycle is delivered twice and then sent again under a new id.
	 */
	private static final List<Step> AFTERNOON = List.of(plain("12:00", usage(40, 68)),
			plain("12:10", usage(72, 68), "five_hour: threshold warning firing"),
			plain("12:20", usage(75, 68), "five_hour: projected_exhaustion warning firing"),
			plain("12:30", usageResponse(93, SESSION_RESET.plusSeconds(90), 69, WEEKLY_RESET),
					"five_hour: threshold critical firing"),
			plain("12:40", usage(100, 71), "five_hour: threshold exhausted firing",
					"seven_day: threshold warning firing"),
			plain("12:50", usage(100, 71)),
			plain("13:00", usageResponse(5, NEXT_SESSION_RESET, 71, WEEKLY_RESET),
					"five_hour: threshold exhausted resolved", "five_hour: window_reset info firing"),
			plain("13:10", SERVER_ERROR), plain("13:20", SERVER_ERROR),
			plain("13:30", SERVER_ERROR, "account: collection_failing warning firing"),
			cloudEvent("ping-1340", "13:40", usageResponse(9, NEXT_SESSION_RESET, 71, WEEKLY_RESET),
					"account: collection_failing warning resolved"),
			redelivery("ping-1340", "13:40", "account: collection_failing warning resolved"),
			cloudEvent("ping-1340-resent", "13:40", usageResponse(9, NEXT_SESSION_RESET, 71, WEEKLY_RESET)));

	@Test
	void changingUsageFiresEachEventOnce() throws Exception {
		List<String> expectedStored = new ArrayList<>();
		JsonNode previous = null;
		for (Step step : AFTERNOON) {
			this.clock.set(step.at());
			claude.on(PERSONAL_USAGE, step.response());
			int runsBefore = count("collection_runs");

			JsonNode summary = (step.eventId() != null) ? runCycle(step.eventId()) : runCycle();

			String at = "cycle at " + step.time();
			assertThat(reportedEvents(summary, "personal")).as(at).containsExactlyElementsOf(step.events());
			assertThat(reportedEvents(summary, "work")).as(at).isEmpty();
			assertThat(summary.path("notifications").path("delivered").asInt()).as(at)
				.isEqualTo(step.events().isEmpty() ? 0 : CHANNELS.size());
			if (step.redelivered()) {
				assertThat(summary).as(at).isEqualTo(previous);
				assertThat(count("collection_runs")).as(at).isEqualTo(runsBefore);
			}
			else {
				expectedStored.addAll(step.events());
				assertThat(count("collection_runs")).as(at).isEqualTo(runsBefore + 2);
			}
			assertThat(storedEvents("personal")).as(at).containsExactlyElementsOf(expectedStored);
			previous = summary;
		}
		assertThat(storedEvents("work")).isEmpty();
	}

	@Test
	void queryUsageListsCycleResults() throws Exception {
		claude.on(PERSONAL_USAGE, usage(40, 68));
		runCycle();
		this.clock.advance(Duration.ofMinutes(10));
		claude.on(PERSONAL_USAGE, usage(93, 71));
		runCycle();

		JsonNode personal = account(queryUsage("personal"), "personal");

		assertThat(personal.path("lastScrape").path("status").asString()).isEqualTo("ok");
		List<String> windows = personal.path("windows")
			.valueStream()
			.map((window) -> window.path("id").asString() + " " + window.path("utilization").asDouble())
			.toList();
		assertThat(windows).containsExactlyInAnyOrder("five_hour 93.0", "seven_day 71.0");
		List<String> alerts = personal.path("alerts")
			.valueStream()
			.map((alert) -> alert.path("window").asString() + " " + alert.path("level").asString() + " "
					+ alert.path("state").asString())
			.toList();
		assertThat(alerts).containsExactlyInAnyOrder("five_hour critical firing", "seven_day warning firing");
	}

	@Test
	void summaryReportsEventsOfItsOwnCycle() throws Exception {
		claude.on(PERSONAL_USAGE, usage(40, 68));
		runCycle();
		this.clock.advance(Duration.ofMinutes(10));
		claude.on(PERSONAL_USAGE, usage(93, 91));

		JsonNode summary = runCycle();

		String cycleId = summary.path("cycleId").asString();
		List<String> eventCycles = this.jdbc.sql("SELECT cycle_id FROM alert_events ORDER BY id")
			.query(String.class)
			.list();
		assertThat(eventCycles).containsExactly(cycleId, cycleId);
		JsonNode events = account(summary, "personal").path("events");
		assertThat(events.get(0).path("title").asString()).isEqualTo("personal: 5-hour session limit critical");
		assertThat(events.get(0).path("message").asString())
			.isEqualTo("personal: 5-hour session limit at 93 % — resets Mon 13:00 UTC");
		assertThat(events.get(1).path("title").asString()).isEqualTo("personal: weekly limit (all models) critical");
		assertThat(events.get(1).path("message").asString())
			.isEqualTo("personal: weekly limit (all models) at 91 % — resets Mon 14:00 UTC");
		assertThat(events.get(1).path("suppressed").asBoolean()).isFalse();
	}

	@Test
	void expiredSessionAlertsUntilNextSuccess() throws Exception {
		List<Step> steps = List.of(plain("12:00", usage(40, 68)),
				plain("12:10", SESSION_INVALID, "account: session_expired critical firing"),
				plain("12:20", SESSION_INVALID), plain("12:30", SESSION_INVALID),
				plain("12:40", usage(41, 68), "account: session_expired critical resolved"));
		List<String> statuses = new ArrayList<>();
		for (Step step : steps) {
			this.clock.set(step.at());
			claude.on(PERSONAL_USAGE, step.response());

			JsonNode summary = runCycle();

			assertThat(reportedEvents(summary, "personal")).as("cycle at " + step.time())
				.containsExactlyElementsOf(step.events());
			statuses.add(account(summary, "personal").path("status").asString());
		}
		assertThat(statuses).containsExactly("ok", "session_expired", "session_expired", "session_expired", "ok");
		assertThat(storedEvents("personal")).containsExactly("account: session_expired critical firing",
				"account: session_expired critical resolved");
		assertThat(receivers.requests(hookPath("ntfy"))).extracting((request) -> request.bodyText())
			.satisfiesExactly((fired) -> assertThat(fired).contains("personal").contains("session-key"),
					(resolved) -> assertThat(resolved).contains("personal"));
	}

	@Test
	void pushedTokensAlertInCycle() throws Exception {
		claude.on(PERSONAL_USAGE, usage(40, 68));
		long laptop = this.accountRows.ensure("laptop", "push");
		storeTokens(laptop, START.minus(Duration.ofHours(2)), 12_000);

		JsonNode firing = runCycle();
		this.clock.set(Instant.parse("2026-09-15T00:10:00Z"));
		JsonNode nextDay = runCycle();

		assertThat(reportedEvents(firing, "laptop")).containsExactly("account: daily_tokens warning firing");
		assertThat(account(firing, "laptop").path("status").asString()).isEqualTo("push");
		assertThat(firing.path("notifications").path("delivered").asInt()).isEqualTo(CHANNELS.size());
		assertThat(reportedEvents(nextDay, "laptop")).containsExactly("account: daily_tokens warning resolved");
		assertThat(claude.requests()).hasSize(4);
	}

	private static StubResponse usage(double session, double weekly) {
		return usageResponse(session, SESSION_RESET, weekly, WEEKLY_RESET);
	}

	/**
	 * Stores the tokens of one API response, as reading a Claude Code transcript would.
	 */
	private void storeTokens(long accountId, Instant at, long outputTokens) {
		this.jdbc.sql("""
				INSERT INTO token_usage (account_id, dedup_key, message_id, occurred_at, project, model, sidechain,
				    input_tokens, output_tokens, cache_creation_5m_tokens, cache_creation_1h_tokens, cache_read_tokens,
				    web_search_requests)
				VALUES (:account, 'msg_e2e_1', 'msg_e2e_1', :at, 'demo', 'claude-sonnet-4-6', 0, 0, :output, 0, 0, 0, 0)
				""").param("account", accountId).param("at", at.toEpochMilli()).param("output", outputTokens).update();
	}

	private static Step plain(String time, StubResponse response, String... events) {
		return new Step(time, response, null, false, List.of(events));
	}

	private static Step cloudEvent(String eventId, String time, StubResponse response, String... events) {
		return new Step(time, response, eventId, false, List.of(events));
	}

	/**
	 * Returns a step that delivers a CloudEvent again. No cycle runs, so the stub's
	 * failing response is never requested and the first delivery's summary comes back.
	 */
	private static Step redelivery(String eventId, String time, String... events) {
		return new Step(time, StubResponse.status(599), eventId, true, List.of(events));
	}

	/**
	 * One cycle of a replayed sequence.
	 *
	 * @param time time of day (UTC, on the day of {@link #START}) the cycle runs at
	 * @param response the usage response of the {@code personal} account
	 * @param eventId CloudEvent id of the trigger, or {@code null} for a plain request
	 * @param redelivered whether the CloudEvent was delivered before
	 * @param events the events the summary must report for {@code personal}
	 */
	private record Step(String time, StubResponse response, String eventId, boolean redelivered, List<String> events) {

		Instant at() {
			return Instant.parse("2026-09-14T" + this.time + ":00Z");
		}

	}

}
