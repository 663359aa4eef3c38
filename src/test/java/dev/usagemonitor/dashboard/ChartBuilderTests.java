package dev.usagemonitor.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import dev.usagemonitor.query.UsageReport.Bucket;
import dev.usagemonitor.query.UsageReport.History;
import dev.usagemonitor.query.UsageReport.Series;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChartBuilderTests {

	private static final Instant FROM = Instant.parse("2026-12-03T12:00:00Z");

	private static final Instant TO = Instant.parse("2026-12-04T12:00:00Z");

	@Test
	void absurdValueKeepsAxisBounded() {
		ChartView chart = chart(1e308);

		assertThat(chart.yTicks()).hasSize(5);
		assertThat(chart.yTicks().get(4).label()).isEqualTo("200 %");
		String topEdge = ChartBuilder.fmt(Double.parseDouble(chart.yTicks().get(4).position()) + 4);
		assertThat(chart.series().get(0).dots().get(0).y()).isEqualTo(topEdge);
	}

	@Test
	void valueOverLimitStretchesAxisToIt() {
		ChartView chart = chart(104);

		assertThat(chart.yTicks()).extracting(ChartView.Tick::label).containsExactly("0 %", "50 %", "100 %");
	}

	private static ChartView chart(double value) {
		Bucket bucket = new Bucket(FROM.plus(Duration.ofHours(12)), value, value, value);
		History history = new History(FROM, TO, 300,
				List.of(new Series("five_hour", "Session", List.of(bucket), List.of())));
		return ChartBuilder.build("personal", "History", history, List.of(), new Thresholds(70, 90),
				new TimeFormats(ZoneOffset.UTC, TO), Duration.ofDays(1));
	}

}
