package dev.usagemonitor.dashboard;

import java.math.BigDecimal;
import java.util.Locale;

import dev.usagemonitor.query.UsageReport.SpendAmount;
import dev.usagemonitor.query.UsageReport.WindowUsage;

/**
 * One window as the page shows it. Every text is plain; the template escapes it.
 *
 * @param label window name
 * @param state CSS state: {@code ok}, {@code warning}, {@code critical}, {@code over},
 * {@code unknown} or {@code not-started}
 * @param value the figure shown large: a percentage, an amount spent, "unknown" or "not
 * started"
 * @param barPercent width of the bar, 0 to 100
 * @param over whether the value exceeds 100 %
 * @param reset reset time and countdown, empty when the window has no reset
 * @param projection one sentence about the pace
 * @param stale whether the observation is older than the staleness limit
 * @param age how old the observation is
 * @param percent utilization as reported, {@code null} when unknown
 */
public record WindowView(String label, String state, String value, double barPercent, boolean over, String reset,
		String projection, boolean stale, String age, Double percent) {

	static WindowView of(WindowUsage window, TimeFormats times, Thresholds thresholds) {
		String age = "observed " + times.ago(window.observedAt());
		String reset = (window.resetsAt() != null) ? "resets " + times.time(window.resetsAt()) + " " + times.zoneName()
				+ ", " + times.countdown(window.resetsAt()) : "";
		Double percent = window.utilization();
		if (percent == null) {
			return unknown(window, reset, age);
		}
		if (window.notStarted()) {
			return new WindowView(window.label(), "not-started", "not started", 0, false, "",
					"Starts with your next message.", window.stale(), age, percent);
		}
		return new WindowView(window.label(), thresholds.state(percent), percentText(percent), Math.min(percent, 100),
				percent > 100, reset, Projections.sentence(window, times), window.stale(), age, percent);
	}

	private static WindowView unknown(WindowUsage window, String reset, String age) {
		SpendAmount spend = window.spend();
		if (spend != null) {
			String cap = (spend.cap() != null) ? " of " + money(spend.cap(), spend.currency()) : ", no cap";
			return new WindowView(window.label(), "unknown", money(spend.used(), spend.currency()), 0, false, reset,
					"Spent" + cap + ".", window.stale(), age, null);
		}
		return new WindowView(window.label(), "unknown", "unknown", 0, false, reset,
				"The source did not report this window.", window.stale(), age, null);
	}

	static String percentText(double percent) {
		return (percent == Math.rint(percent)) ? String.format(Locale.ROOT, "%.0f %%", percent)
				: String.format(Locale.ROOT, "%.1f %%", percent);
	}

	private static String money(BigDecimal amount, String currency) {
		return (currency != null) ? amount.toPlainString() + " " + currency : amount.toPlainString();
	}

	/**
	 * Returns the bar width as a CSS length.
	 */
	public String barWidth() {
		return String.format(Locale.ROOT, "%.1f%%", this.barPercent);
	}

}
