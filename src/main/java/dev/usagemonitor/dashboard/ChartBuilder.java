package dev.usagemonitor.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.usagemonitor.dashboard.ChartView.Line;
import dev.usagemonitor.dashboard.ChartView.Point;
import dev.usagemonitor.dashboard.ChartView.RangeLink;
import dev.usagemonitor.dashboard.ChartView.SeriesView;
import dev.usagemonitor.dashboard.ChartView.Tick;
import dev.usagemonitor.query.UsageReport.Bucket;
import dev.usagemonitor.query.UsageReport.History;
import dev.usagemonitor.query.UsageReport.Series;

/**
 * Lays out a history as an SVG chart: one line per window over its min-max band, dashed
 * threshold lines, reset marks on the time axis and axis labels in the viewer's zone.
 */
final class ChartBuilder {

	/** Stroke colors, each with a contrast of at least 4.5:1 on white. */
	static final List<String> COLORS = List.of("#1f5fbf", "#b04a12", "#2e7d32", "#7b3fa0", "#00727d", "#8a5a00");

	/** More reset marks than this per window would hide the line, so none are drawn. */
	static final int MAX_RESET_MARKS = 40;

	/**
	 * A gap between buckets longer than both this many buckets and {@link #GAP_TIME}
	 * breaks the line, so collection outages show as gaps.
	 */
	private static final int GAP_BUCKETS = 3;

	private static final long GAP_TIME = Duration.ofHours(2).toMillis();

	private final History history;

	private final Geometry geometry;

	private ChartBuilder(History history, double yMax) {
		this.history = history;
		this.geometry = new Geometry(history.from().toEpochMilli(), history.to().toEpochMilli(), yMax);
	}

	static ChartView build(String id, String title, History history, List<RangeLink> ranges, Thresholds thresholds,
			TimeFormats times, Duration range) {
		ChartBuilder builder = new ChartBuilder(history, yMax(history));
		List<SeriesView> series = new ArrayList<>();
		for (int i = 0; i < history.series().size(); i++) {
			series.add(builder.series(history.series().get(i), COLORS.get(i % COLORS.size())));
		}
		return new ChartView(id, title, ranges, series, builder.lines(thresholds), builder.xTicks(times, range),
				builder.yTicks());
	}

	/**
	 * Top of the vertical axis at most, in percent. Higher values (a source can report
	 * any number) are drawn at the top edge, so one absurd reading cannot stretch the
	 * axis or multiply its ticks.
	 */
	static final double MAX_AXIS = 200;

	private static double yMax(History history) {
		double max = 100;
		for (Series series : history.series()) {
			for (Bucket bucket : series.buckets()) {
				max = (bucket.max() != null) ? Math.max(max, bucket.max()) : max;
			}
		}
		return Math.min(Math.ceil(max / 10) * 10, MAX_AXIS);
	}

	private SeriesView series(Series series, String color) {
		List<List<Bucket>> runs = runs(series.buckets());
		List<String> lines = new ArrayList<>();
		List<String> bands = new ArrayList<>();
		List<Point> dots = new ArrayList<>();
		for (List<Bucket> run : runs) {
			if (run.size() == 1) {
				Bucket only = run.get(0);
				dots.add(new Point(fmt(this.geometry.x(middle(only))), fmt(this.geometry.y(only.last()))));
				continue;
			}
			lines.add(polyline(run));
			bands.add(band(run));
		}
		List<String> resets = (series.resets().size() <= MAX_RESET_MARKS)
				? series.resets().stream().map((reset) -> fmt(this.geometry.x(reset.toEpochMilli()))).toList()
				: List.of();
		return new SeriesView(series.label(), color, lines, bands, dots, resets);
	}

	private List<List<Bucket>> runs(List<Bucket> buckets) {
		long maxGap = Math.max(this.history.bucketSeconds() * 1000 * GAP_BUCKETS, GAP_TIME);
		List<List<Bucket>> runs = new ArrayList<>();
		List<Bucket> current = new ArrayList<>();
		Bucket previous = null;
		for (Bucket bucket : buckets) {
			boolean gap = previous != null && bucket.start().toEpochMilli() - previous.start().toEpochMilli() > maxGap;
			if (bucket.last() == null || gap) {
				addRun(runs, current);
				current = new ArrayList<>();
			}
			if (bucket.last() != null) {
				current.add(bucket);
			}
			previous = bucket;
		}
		addRun(runs, current);
		return runs;
	}

	private static void addRun(List<List<Bucket>> runs, List<Bucket> run) {
		if (!run.isEmpty()) {
			runs.add(run);
		}
	}

	private String polyline(List<Bucket> run) {
		StringBuilder points = new StringBuilder();
		for (Bucket bucket : run) {
			point(points, middle(bucket), bucket.last());
		}
		return points.toString().strip();
	}

	private String band(List<Bucket> run) {
		StringBuilder points = new StringBuilder();
		run.forEach((bucket) -> point(points, middle(bucket), bucket.max()));
		for (int i = run.size() - 1; i >= 0; i--) {
			point(points, middle(run.get(i)), run.get(i).min());
		}
		return points.toString().strip();
	}

	private void point(StringBuilder points, long t, double value) {
		points.append(fmt(this.geometry.x(t))).append(',').append(fmt(this.geometry.y(value))).append(' ');
	}

	private long middle(Bucket bucket) {
		long start = bucket.start().toEpochMilli();
		return Math.min(start + this.history.bucketSeconds() * 500, this.history.to().toEpochMilli());
	}

	private List<Line> lines(Thresholds thresholds) {
		return List.of(new Line(fmt(this.geometry.y(100)), "100 %", "limit"),
				new Line(fmt(this.geometry.y(thresholds.critical())), WindowView.percentText(thresholds.critical()),
						"critical"),
				new Line(fmt(this.geometry.y(thresholds.warning())), WindowView.percentText(thresholds.warning()),
						"warning"));
	}

	private List<Tick> xTicks(TimeFormats times, Duration range) {
		List<Tick> ticks = new ArrayList<>();
		long from = this.history.from().toEpochMilli();
		long to = this.history.to().toEpochMilli();
		for (int i = 0; i <= 4; i++) {
			long t = from + (to - from) * i / 4;
			String anchor = (i == 0) ? "start" : (i == 4) ? "end" : "middle";
			ticks.add(new Tick(fmt(this.geometry.x(t)), times.axis(Instant.ofEpochMilli(t), range), anchor));
		}
		return ticks;
	}

	private List<Tick> yTicks() {
		List<Tick> ticks = new ArrayList<>();
		for (double value = 0; value <= this.geometry.yMax(); value += 50) {
			ticks.add(new Tick(fmt(this.geometry.y(value) - 4), WindowView.percentText(value), "start"));
		}
		return ticks;
	}

	static String fmt(double value) {
		return String.format(Locale.ROOT, "%.1f", value);
	}

	/**
	 * Maps time and utilization to plot coordinates.
	 */
	private record Geometry(long from, long to, double yMax) {

		double x(long t) {
			double width = ChartView.WIDTH - ChartView.LEFT - ChartView.RIGHT;
			return ChartView.LEFT + width * (t - this.from) / Math.max(this.to - this.from, 1);
		}

		double y(double value) {
			double height = ChartView.HEIGHT - ChartView.TOP - ChartView.BOTTOM;
			double clipped = Math.max(0, Math.min(value, this.yMax));
			return ChartView.TOP + height * (1 - clipped / this.yMax);
		}

	}

}
