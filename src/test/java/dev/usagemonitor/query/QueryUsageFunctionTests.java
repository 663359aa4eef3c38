package dev.usagemonitor.query;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class QueryUsageFunctionTests extends SeededApplicationTests {

	@Autowired
	JsonMapper json;

	@Test
	void latestWindowsKeepTheCollectionShape() throws Exception {
		JsonNode account = account(getJson("/queryUsage?account=personal"), "personal");
		assertThat(account.get("lastScrape").get("status").asString()).isEqualTo("ok");
		assertThat(account.get("lastScrape").get("at").asString()).isEqualTo("2026-12-04T11:58:00Z");
		JsonNode session = window(account, "five_hour");
		assertThat(session.get("kind").asString()).isEqualTo("session");
		assertThat(session.get("label").asString()).isEqualTo("Session (5 hours)");
		assertThat(session.get("utilization").asDouble()).isEqualTo(54.0);
		assertThat(session.get("resetsAt").asString()).isEqualTo("2026-12-04T14:00:00Z");
		assertThat(session.get("observedAt").asString()).isEqualTo("2026-12-04T11:58:00Z");
		assertThat(session.get("source").asString()).isEqualTo("claude-web");
		assertThat(session.get("ageSeconds").asLong()).isEqualTo(120);
		assertThat(session.get("stale").asBoolean()).isFalse();
	}

	@Test
	void unknownWindowIsNullNotZero() throws Exception {
		JsonNode account = account(getJson("/queryUsage?account=personal"), "personal");
		JsonNode opus = window(account, "seven_day_opus");
		assertThat(opus.has("utilization")).isTrue();
		assertThat(opus.get("utilization").isNull()).isTrue();
		assertThat(opus.get("burnRatePerHour").isNull()).isTrue();
		JsonNode spend = window(account, "extra_usage");
		assertThat(spend.get("utilization").isNull()).isTrue();
		assertThat(spend.get("spend").get("used").decimalValue()).isEqualByComparingTo("12.34");
		assertThat(spend.get("spend").get("currency").asString()).isEqualTo("USD");
	}

	@Test
	void notStartedWindowIsFlagged() throws Exception {
		JsonNode fable = window(account(getJson("/queryUsage?account=personal"), "personal"), "weekly_scoped:fable");
		assertThat(fable.get("notStarted").asBoolean()).isTrue();
		assertThat(fable.get("resetsAt").isNull()).isTrue();
		assertThat(fable.get("projectedExhaustionAt").isNull()).isTrue();
	}

	@Test
	void projectionLastsUntilReset() throws Exception {
		JsonNode session = window(account(getJson("/queryUsage?account=personal"), "personal"), "five_hour");
		assertThat(session.get("burnRatePerHour").asDouble()).isCloseTo(12.0, within(0.001));
		assertThat(session.get("projectedUtilizationAtReset").asDouble()).isCloseTo(78.4, within(0.01));
		assertThat(session.get("projectedExhaustionAt").isNull()).isTrue();
	}

	@Test
	void projectionReachesLimitBeforeReset() throws Exception {
		JsonNode weekly = window(account(getJson("/queryUsage?account=personal"), "personal"), "seven_day");
		assertThat(weekly.get("burnRatePerHour").asDouble()).isCloseTo(6.0, within(0.001));
		assertThat(weekly.get("projectedExhaustionAt").asString()).isEqualTo("2026-12-04T13:28:00Z");
	}

	@Test
	void staleWindowHasNoProjection() throws Exception {
		JsonNode work = account(getJson("/queryUsage?account=work"), "work");
		JsonNode session = window(work, "five_hour");
		assertThat(session.get("stale").asBoolean()).isTrue();
		assertThat(session.get("ageSeconds").asLong()).isEqualTo(3 * 3600);
		assertThat(session.get("utilization").asDouble()).isEqualTo(104.0);
		assertThat(session.get("projectedUtilizationAtReset").isNull()).isTrue();
	}

	@Test
	void failedCollectionShowsStatusAndMessage() throws Exception {
		JsonNode work = account(getJson("/queryUsage?account=work"), "work");
		assertThat(work.get("lastScrape").get("status").asString()).isEqualTo("token_refresh_failed");
		assertThat(work.get("lastScrape").get("message").asString()).isEqualTo(UsageScenario.FAILURE_MESSAGE);
		assertThat(work.get("lastSuccessAt").asString()).isEqualTo("2026-12-04T09:00:00Z");
	}

	@Test
	void alertsListFiringFirstThenRecentlyResolved() throws Exception {
		JsonNode alerts = account(getJson("/queryUsage?account=personal"), "personal").get("alerts");
		assertThat(alerts).hasSize(2);
		assertThat(alerts.get(0).get("state").asString()).isEqualTo("firing");
		assertThat(alerts.get(0).get("level").asString()).isEqualTo("critical");
		assertThat(alerts.get(0).get("window").asString()).isEqualTo("seven_day");
		assertThat(alerts.get(0).get("value").asDouble()).isEqualTo(91.0);
		assertThat(alerts.get(0).get("resolvedAt").isNull()).isTrue();
		assertThat(alerts.get(1).get("state").asString()).isEqualTo("resolved");
		assertThat(alerts.get(1).get("resolvedAt").asString()).isEqualTo("2026-12-03T12:00:00Z");
	}

	@Test
	void notificationsShowOutboxAndBrokenChannels() throws Exception {
		JsonNode notifications = getJson("/queryUsage").get("notifications");
		assertThat(notifications.get("outbox").get("delivered").asLong()).isEqualTo(1);
		assertThat(notifications.get("outbox").get("pending").asLong()).isEqualTo(1);
		assertThat(notifications.get("outbox").get("givenUp").asLong()).isEqualTo(1);
		assertThat(notifications.get("oldestPendingAt").asString()).isEqualTo("2026-12-04T11:31:00Z");
		JsonNode broken = notifications.get("brokenChannels");
		assertThat(broken).hasSize(1);
		assertThat(broken.get(0).get("name").asString()).isEqualTo("old-hook");
		assertThat(broken.get(0).get("reason").asString()).isEqualTo("404 Not Found: no such webhook");
	}

	@Test
	void everyAccountWithoutFilter() throws Exception {
		JsonNode report = getJson("/queryUsage");
		assertThat(report.get("generatedAt").asString()).isEqualTo("2026-12-04T12:00:00Z");
		assertThat(report.get("accounts").valueStream().map((a) -> a.get("name").asString()))
			.containsExactly("personal", "work");
	}

	@ParameterizedTest
	@CsvSource({ "24h, 300, 86400", "7d, 3600, 604800", "30d, 10800, 2592000", "90d, 28800, 7776000",
			"1y, 172800, 31536000" })
	void rangesStayUnderThreeHundredBuckets(String range, long bucketSeconds, long rangeSeconds) throws Exception {
		JsonNode history = account(getJson("/queryUsage?account=personal&range=" + range), "personal").get("history");
		assertThat(history.get("bucketSeconds").asLong()).isEqualTo(bucketSeconds);
		Instant from = Instant.parse(history.get("from").asString());
		assertThat(from).isBetween(UsageScenario.NOW.minusSeconds(rangeSeconds + bucketSeconds),
				UsageScenario.NOW.minusSeconds(rangeSeconds));
		JsonNode weekly = series(history, "seven_day");
		assertThat(weekly.get("buckets").size()).isBetween(2, 300);
		for (JsonNode bucket : weekly.get("buckets")) {
			assertThat(bucket.get("min").asDouble()).isLessThanOrEqualTo(bucket.get("last").asDouble());
			assertThat(bucket.get("last").asDouble()).isLessThanOrEqualTo(bucket.get("max").asDouble());
		}
	}

	@Test
	void monthBucketsKeepMinMaxAndLast() throws Exception {
		JsonNode history = account(getJson("/queryUsage?account=personal&range=30d"), "personal").get("history");
		JsonNode buckets = series(history, "seven_day").get("buckets");
		assertThat(buckets.size()).isBetween(238, 241);
		JsonNode first = buckets.get(0);
		long start = Instant.parse(first.get("start").asString()).toEpochMilli();
		assertThat(first.get("min").asDouble()).isEqualTo(weeklyValue(start));
		assertThat(first.get("last").asDouble()).isEqualTo(weeklyValue(start + 2 * 3_600_000));
		assertThat(first.get("max").asDouble()).isEqualTo(weeklyValue(start + 2 * 3_600_000));
	}

	@Test
	void yearBucketsSpanTheSessionSawtooth() throws Exception {
		JsonNode history = account(getJson("/queryUsage?account=personal&range=1y"), "personal").get("history");
		JsonNode buckets = series(history, "five_hour").get("buckets");
		assertThat(buckets.size()).isBetween(182, 184);
		JsonNode middle = buckets.get(90);
		long start = Instant.parse(middle.get("start").asString()).toEpochMilli();
		double max = 0;
		for (long t = start; t < start + Duration.ofDays(2).toMillis(); t += 3_600_000) {
			max = Math.max(max, UsageScenario.sessionValue(t));
		}
		assertThat(middle.get("min").asDouble()).isEqualTo(2.0);
		assertThat(middle.get("max").asDouble()).isEqualTo(max);
		assertThat(middle.get("last").asDouble()).isEqualTo(UsageScenario.sessionValue(start + 47 * 3_600_000L));
	}

	@Test
	void resetsAreMarkedInTheRange() throws Exception {
		JsonNode history = account(getJson("/queryUsage?account=personal&range=30d"), "personal").get("history");
		JsonNode resets = series(history, "seven_day").get("resets");
		assertThat(resets.size()).isBetween(4, 5);
		for (JsonNode reset : resets) {
			assertThat(Instant.parse(reset.asString()).toEpochMilli() % Duration.ofDays(7).toMillis()).isZero();
		}
	}

	@Test
	void spendWithoutCapHasNoSeries() throws Exception {
		JsonNode history = account(getJson("/queryUsage?account=personal"), "personal").get("history");
		assertThat(history.get("series").valueStream().map((s) -> s.get("windowId").asString()))
			.doesNotContain("extra_usage", "seven_day_opus");
	}

	@Test
	void postWithJsonBody() throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(uri("/queryUsage"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers
					.ofString("{\"account\":\"work\",\"range\":\"7d\",\"zone\":\"Asia/Tokyo\"}"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode report = this.json.readTree(response.body());
		assertThat(report.get("range").asString()).isEqualTo("7d");
		assertThat(report.get("zone").asString()).isEqualTo("Asia/Tokyo");
		assertThat(report.get("accounts")).hasSize(1);
		assertThat(report.get("accounts").get(0).get("name").asString()).isEqualTo("work");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "range=2d|Invalid range '2d': use one of 24h, 7d, 30d, 90d, 1y",
					"zone=Mars/Olympus|Invalid zone 'Mars/Olympus'",
					"account=nobody|Invalid account 'nobody': use one of personal, work" })
	void invalidParameterIsBadRequest(String query, String message) throws Exception {
		HttpResponse<String> response = get("/queryUsage?" + query);
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(this.json.readTree(response.body()).get("message").asString()).startsWith(message);
	}

	@Test
	void nullBodyFieldTakesDefault() throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(uri("/queryUsage"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"account\":null,\"range\":\"30d\"}"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(this.json.readTree(response.body()).get("accounts")).hasSize(2);
	}

	@Test
	void invalidJsonBodyIsBadRequest() throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(uri("/queryUsage"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{not json"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
	}

	private static double weeklyValue(long t) {
		long length = Duration.ofDays(7).toMillis();
		return Math.round((double) (t % length) / length * 950) / 10.0;
	}

	private static JsonNode account(JsonNode report, String name) {
		return report.get("accounts")
			.valueStream()
			.filter((account) -> account.get("name").asString().equals(name))
			.findFirst()
			.orElseThrow();
	}

	private static JsonNode window(JsonNode account, String id) {
		return account.get("windows")
			.valueStream()
			.filter((window) -> window.get("id").asString().equals(id))
			.findFirst()
			.orElseThrow();
	}

	private static JsonNode series(JsonNode history, String windowId) {
		return history.get("series")
			.valueStream()
			.filter((series) -> series.get("windowId").asString().equals(windowId))
			.findFirst()
			.orElseThrow();
	}

	JsonNode getJson(String path) throws Exception {
		HttpResponse<String> response = get(path);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return this.json.readTree(response.body());
	}

}
