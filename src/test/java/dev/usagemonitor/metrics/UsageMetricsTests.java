package dev.usagemonitor.metrics;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.usagemonitor.query.SeededApplicationTests;
import dev.usagemonitor.query.UsageScenario;

import static org.assertj.core.api.Assertions.assertThat;

class UsageMetricsTests extends SeededApplicationTests {

	@Test
	void utilizationRatioPerWindow() throws Exception {
		List<String> lines = scrape();
		assertThat(lines).contains(
				"claude_usage_utilization_ratio{account=\"personal\",kind=\"session\",window=\"five_hour\"} 0.54");
		assertThat(lines)
			.contains("claude_usage_utilization_ratio{account=\"work\",kind=\"session\",window=\"five_hour\"} 1.04");
	}

	@Test
	void unknownWindowIsAbsent() throws Exception {
		assertThat(scrape()).noneMatch((line) -> line.startsWith("claude_usage_utilization_ratio")
				&& (line.contains("seven_day_opus") || line.contains("extra_usage")));
		assertThat(scrape()).noneMatch(
				(line) -> line.startsWith("claude_usage_reset_timestamp_seconds") && line.contains("seven_day_opus"));
	}

	@Test
	void resetAndExhaustionTimestamps() throws Exception {
		List<String> lines = scrape();
		double reset = UsageScenario.NOW.plusSeconds(7200).getEpochSecond();
		assertThat(value(lines,
				"claude_usage_reset_timestamp_seconds{account=\"personal\",kind=\"session\",window=\"five_hour\"}"))
			.isEqualTo(reset);
		assertThat(value(lines,
				"claude_usage_exhaustion_timestamp_seconds{account=\"personal\",kind=\"weekly\",window=\"seven_day\"}"))
			.isEqualTo(UsageScenario.NOW.plusSeconds(88 * 60).getEpochSecond());
	}

	@Test
	void lastSuccessPerAccount() throws Exception {
		List<String> lines = scrape();
		assertThat(value(lines, "claude_usage_last_success_timestamp_seconds{account=\"work\",source=\"oauth\"}"))
			.isEqualTo(UsageScenario.NOW.minusSeconds(3 * 3600).getEpochSecond());
	}

	@Test
	void countersComeFromStoredRows() throws Exception {
		List<String> lines = scrape();
		assertThat(lines).contains("claude_usage_fetch_errors_total{account=\"work\",reason=\"auth\"} 1.0");
		assertThat(lines)
			.contains("claude_usage_notifications_total{channel=\"team-slack\",outcome=\"delivered\"} 1.0");
		assertThat(lines).contains("claude_usage_notifications_total{channel=\"old-hook\",outcome=\"given_up\"} 1.0");
		assertThat(lines).noneMatch((line) -> line.contains("outcome=\"pending\""));
	}

	private List<String> scrape() throws Exception {
		HttpResponse<String> response = get("/actuator/prometheus");
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body().lines().toList();
	}

	private static double value(List<String> lines, String series) {
		return lines.stream()
			.filter((line) -> line.startsWith(series + " "))
			.map((line) -> Double.parseDouble(line.substring(series.length() + 1)))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No sample " + series));
	}

}
