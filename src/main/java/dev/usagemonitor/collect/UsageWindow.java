package dev.usagemonitor.collect;

import java.time.Instant;

/**
 * One limit window as parsed from a usage response.
 *
 * @param id stable identifier: the response's key ({@code five_hour}, {@code seven_day},
 * {@code nimbus_quill}, …) or, for a {@code limits[]} entry without such a key, its kind
 * plus scope ({@code weekly_scoped:fable})
 * @param kind what the window limits
 * @param label human-readable name, for example "Weekly (Fable)"
 * @param utilization percentage on a 0–100 scale, may exceed 100; {@code null} when
 * unknown
 * @param resetsAt end of the current window instance; {@code null} when the window has
 * not started
 * @param spend money spent, for spend windows only
 */
public record UsageWindow(String id, WindowKind kind, String label, Double utilization, Instant resetsAt, Spend spend) {

	/**
	 * Tells whether the window has not started: it has a value but no reset instant yet.
	 * Spend windows never have a reset instant, so they always count as started.
	 */
	public boolean notStarted() {
		return this.kind != WindowKind.SPEND && this.utilization != null && this.resetsAt == null;
	}

}
