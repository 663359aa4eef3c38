package dev.usagemonitor.collect;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import dev.usagemonitor.support.Fixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class UsageParserTests {

	private final UsageParser parser = new UsageParser(JsonMapper.builder().build());

	@Test
	void legacyShape() {
		assertThat(parse("claude-usage-legacy.json")).containsExactly(
				window("five_hour", WindowKind.SESSION, "Session (5 h)", 23.0, "2025-09-15T17:00:00.943648Z"),
				window("seven_day", WindowKind.WEEKLY, "Weekly (all models)", 41.0, "2025-09-19T03:59:59.943679Z"),
				window("seven_day_opus", WindowKind.WEEKLY_SCOPED, "Weekly (Opus)", 0.0, null));
	}

	@Test
	void newestShapeWithLimitsAndCodeNames() {
		assertThat(parse("claude-usage-2026.json")).containsExactly(
				window("five_hour", WindowKind.SESSION, "Session (5 h)", 25.0, "2026-09-14T15:30:00.910731Z"),
				window("seven_day", WindowKind.WEEKLY, "Weekly (all models)", 54.0, "2026-09-18T21:59:59.910755Z"),
				window("seven_day_sonnet", WindowKind.WEEKLY_SCOPED, "Weekly (Sonnet)", 1.0,
						"2026-09-18T21:59:59.910755Z"),
				window("nimbus_quill", WindowKind.OTHER, "Nimbus quill", 0.0, null), window("weekly_scoped:fable",
						WindowKind.WEEKLY_SCOPED, "Weekly (Fable)", 64.0, "2026-09-18T21:59:59.911047Z"));
	}

	@Test
	void oneMeansOnePercent() {
		UsageWindow sonnet = find(parse("claude-usage-2026.json"), "seven_day_sonnet");
		assertThat(sonnet.utilization()).isEqualTo(1.0);
	}

	@Test
	void limitsEntryRepeatingTopLevelWindowIsDropped() {
		List<UsageWindow> windows = parse("claude-usage-2026.json");
		assertThat(windows).extracting(UsageWindow::kind)
			.filteredOn((kind) -> kind == WindowKind.SESSION || kind == WindowKind.WEEKLY)
			.hasSize(2);
		assertThat(windows).extracting(UsageWindow::id).doesNotContain("session", "weekly_all");
	}

	@Test
	void extraUsageWithCap() {
		List<UsageWindow> windows = parse("claude-usage-extra-usage.json");
		assertThat(windows).containsExactly(
				window("five_hour", WindowKind.SESSION, "Session (5 h)", 100.0, "2026-09-14T13:00:00.001202Z"),
				window("seven_day", WindowKind.WEEKLY, "Weekly (all models)", 38.0, "2026-09-17T04:00:00.001233Z"),
				window("seven_day_sonnet", WindowKind.WEEKLY_SCOPED, "Weekly (Sonnet)", 12.0,
						"2026-09-17T04:00:00.001247Z"),
				new UsageWindow("extra_usage", WindowKind.SPEND, "Extra usage", 38.15, null,
						new Spend(763, 2000L, "USD", 2)));
		assertThat(find(windows, "extra_usage").spend().used()).isEqualByComparingTo("7.63");
		assertThat(find(windows, "extra_usage").notStarted()).isFalse();
	}

	@Test
	void windowsNotStartedKeepTheirValue() {
		List<UsageWindow> windows = parse("claude-usage-null-resets.json");
		assertThat(windows).containsExactly(window("five_hour", WindowKind.SESSION, "Session (5 h)", 0.0, null),
				window("seven_day", WindowKind.WEEKLY, "Weekly (all models)", 100.0, "2026-09-16T06:00:00.474983Z"),
				window("seven_day_opus", WindowKind.WEEKLY_SCOPED, "Weekly (Opus)", 0.0, null),
				window("seven_day_sonnet", WindowKind.WEEKLY_SCOPED, "Weekly (Sonnet)", 0.0, null),
				window("nimbus_quill", WindowKind.OTHER, "Nimbus quill", 0.0, null));
		assertThat(find(windows, "five_hour").notStarted()).isTrue();
	}

	@Test
	void oauthShape() {
		assertThat(parse("oauth-usage.json")).containsExactly(
				window("five_hour", WindowKind.SESSION, "Session (5 h)", 11.0, "2026-07-03T00:30:00.282668Z"),
				window("seven_day", WindowKind.WEEKLY, "Weekly (all models)", 9.0, "2026-07-08T09:00:00.282694Z"),
				window("weekly_scoped:fable", WindowKind.WEEKLY_SCOPED, "Weekly (Fable)", 5.0,
						"2026-07-08T09:00:00.283070Z"));
	}

	@Test
	void nullAndAbsentWindowsAreLeftOut() {
		List<UsageWindow> windows = this.parser.parse("""
				{"five_hour": null, "seven_day": {"utilization": 100.0, "resets_at": "2026-09-16T06:00:00Z"}}
				""");
		assertThat(windows).extracting(UsageWindow::id).containsExactly("seven_day");
	}

	@Test
	void planWithoutWindowsIsNotFormatChange() {
		assertThat(this.parser.parse("""
				{"five_hour": null, "seven_day": null, "extra_usage": {"is_enabled": false}}
				""")).isEmpty();
	}

	@Test
	void timestampsInEveryForm() {
		List<UsageWindow> windows = this.parser.parse("""
				{"a": {"utilization": 1, "resets_at": "2026-09-14T15:30:00Z"},
				 "b": {"utilization": 2, "resets_at": "2026-09-14T15:30:00.123456789Z"},
				 "c": {"utilization": 3, "resets_at": "2026-09-14T17:30:00.5+02:00"},
				 "seven_day": {"utilization": 4, "resets_at": "2026-09-14T15:30:00.000-00:00"}}
				""");
		assertThat(windows).extracting(UsageWindow::resetsAt)
			.containsExactly(Instant.parse("2026-09-14T15:30:00Z"), Instant.parse("2026-09-14T15:30:00.123456789Z"),
					Instant.parse("2026-09-14T15:30:00.5Z"), Instant.parse("2026-09-14T15:30:00Z"));
	}

	@Test
	void badFieldNullsOnlyItself() {
		List<UsageWindow> windows = this.parser.parse("""
				{"five_hour": {"utilization": "lots", "resets_at": "2026-09-14T15:30:00Z"},
				 "seven_day": {"utilization": 54.0, "resets_at": "next tuesday"},
				 "seven_day_opus": {"utilization": 12.5, "resets_at": "2026-09-18T22:00:00+00:00"}}
				""");
		assertThat(windows).containsExactly(
				window("five_hour", WindowKind.SESSION, "Session (5 h)", null, "2026-09-14T15:30:00Z"),
				window("seven_day", WindowKind.WEEKLY, "Weekly (all models)", 54.0, null),
				window("seven_day_opus", WindowKind.WEEKLY_SCOPED, "Weekly (Opus)", 12.5, "2026-09-18T22:00:00Z"));
	}

	@Test
	void utilizationAboveHundredIsKept() {
		List<UsageWindow> windows = this.parser.parse("""
				{"five_hour": {"utilization": 101, "resets_at": "2026-09-14T15:30:00Z"}, "future_key": [1, 2]}
				""");
		assertThat(find(windows, "five_hour").utilization()).isEqualTo(101.0);
	}

	@Test
	void uncappedSpendHasNoPercentage() {
		List<UsageWindow> windows = this.parser.parse("""
				{"five_hour": null, "extra_usage": {"is_enabled": true, "monthly_limit": null,
				 "used_credits": 9221.0, "utilization": null, "currency": "EUR", "decimal_places": 2}}
				""");
		assertThat(windows).containsExactly(new UsageWindow("extra_usage", WindowKind.SPEND, "Extra usage", null, null,
				new Spend(9221, null, "EUR", 2)));
	}

	@Test
	void limitsOnlyWindowsAreRead() {
		List<UsageWindow> windows = this.parser.parse("""
				{"limits": [
				  {"kind": "session", "percent": 30, "resets_at": "2026-09-14T15:30:00Z"},
				  {"kind": "weekly_scoped", "percent": 10, "scope": null},
				  {"kind": "daily_magic", "percent": 7, "resets_at": null,
				   "scope": {"model": {"id": null, "display_name": "Opus 5"}}}]}
				""");
		assertThat(windows).containsExactly(
				window("session", WindowKind.SESSION, "Session (5 h)", 30.0, "2026-09-14T15:30:00Z"),
				window("daily_magic:opus_5", WindowKind.OTHER, "Daily magic (Opus 5)", 7.0, null));
	}

	@Test
	void limitsSpendEntryRepeatsSpendWindow() {
		List<UsageWindow> windows = this.parser.parse("""
				{"spend": {"used": {"amount_minor": 500, "currency": "USD", "exponent": 2},
				  "limit": {"amount_minor": 1000, "currency": "USD", "exponent": 2}, "percent": 50, "enabled": true},
				 "limits": [{"kind": "spend", "percent": 50, "severity": "critical", "resets_at": null}]}
				""");
		assertThat(windows).containsExactly(new UsageWindow("extra_usage", WindowKind.SPEND, "Extra usage", 50.0, null,
				new Spend(500, 1000L, "USD", 2)));
	}

	@Test
	void unknownShapeIsFormatChange() {
		assertFormatChanged("{\"message_count\": 3, \"message_limit\": 40, \"usage_type\": \"pro\"}");
		assertFormatChanged("[1, 2, 3]");
		assertFormatChanged("<html><body>Sign in</body></html>");
		assertFormatChanged("");
	}

	private void assertFormatChanged(String body) {
		assertThatExceptionOfType(CollectionFailedException.class).isThrownBy(() -> this.parser.parse(body))
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(CollectionStatus.FORMAT_CHANGED));
	}

	private List<UsageWindow> parse(String fixture) {
		return this.parser.parse(Fixtures.text(fixture));
	}

	private static UsageWindow find(List<UsageWindow> windows, String id) {
		return windows.stream().filter((window) -> window.id().equals(id)).findFirst().orElseThrow();
	}

	private static UsageWindow window(String id, WindowKind kind, String label, Double utilization, String resetsAt) {
		return new UsageWindow(id, kind, label, utilization, (resetsAt != null) ? Instant.parse(resetsAt) : null, null);
	}

}
