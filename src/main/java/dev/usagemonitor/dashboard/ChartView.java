package dev.usagemonitor.dashboard;

import java.util.List;

/**
 * The geometry of one account's history chart, ready for the SVG template. Coordinates
 * are in the units of the {@code viewBox} ({@link #WIDTH} × {@link #HEIGHT}).
 *
 * @param id HTML id of the chart block, the target of the range switcher
 * @param title accessible description
 * @param ranges the range switcher's links
 * @param series one entry per window with data
 * @param lines horizontal threshold lines
 * @param xTicks time labels along the bottom
 * @param yTicks percentage labels along the left
 */
public record ChartView(String id, String title, List<RangeLink> ranges, List<SeriesView> series, List<Line> lines,
		List<Tick> xTicks, List<Tick> yTicks) {

	static final int WIDTH = 720;

	static final int HEIGHT = 260;

	static final int LEFT = 8;

	static final int RIGHT = 8;

	static final int TOP = 22;

	static final int BOTTOM = 34;

	public boolean empty() {
		return this.series.isEmpty();
	}

	public String viewBox() {
		return "0 0 " + WIDTH + " " + HEIGHT;
	}

	public int plotLeft() {
		return LEFT;
	}

	public int plotRight() {
		return WIDTH - RIGHT;
	}

	public int plotBottom() {
		return HEIGHT - BOTTOM;
	}

	/**
	 * A link of the range switcher.
	 *
	 * @param code range code
	 * @param href full-page URL, used without JavaScript
	 * @param fragment URL of the chart fragment that htmx swaps in
	 * @param current whether this range is shown
	 */
	public record RangeLink(String code, String href, String fragment, boolean current) {
	}

	/**
	 * One window's line.
	 *
	 * @param label window name
	 * @param color stroke color
	 * @param lines {@code points} of each connected run of buckets
	 * @param bands {@code points} of the min-max area of each run
	 * @param dots buckets that stand alone, drawn as dots
	 * @param resets x positions of window resets
	 */
	public record SeriesView(String label, String color, List<String> lines, List<String> bands, List<Point> dots,
			List<String> resets) {
	}

	/**
	 * A point.
	 *
	 * @param x x coordinate
	 * @param y y coordinate
	 */
	public record Point(String x, String y) {
	}

	/**
	 * A horizontal line across the plot.
	 *
	 * @param y y coordinate
	 * @param label text at its left end
	 * @param kind CSS class: {@code warning}, {@code critical} or {@code limit}
	 */
	public record Line(String y, String label, String kind) {
	}

	/**
	 * An axis label.
	 *
	 * @param position x or y coordinate
	 * @param label text
	 * @param anchor SVG {@code text-anchor}: {@code start}, {@code middle} or {@code end}
	 */
	public record Tick(String position, String label, String anchor) {
	}

}
