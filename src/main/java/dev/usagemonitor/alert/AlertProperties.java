package dev.usagemonitor.alert;

import java.time.Instant;
import java.time.LocalTime;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Notification suppression under {@code monitor.alerts}. Suppression marks events, it
 * never changes which alerts fire or resolve.
 *
 * @param silences time-boxed silences; empty by default
 * @param quietHours a daily range in {@code monitor.zone} during which no event is
 * notified; off by default
 */
@ConfigurationProperties("monitor.alerts")
public record AlertProperties(@DefaultValue List<Silence> silences, @DefaultValue QuietHours quietHours) {

	/**
	 * A silence: events that match every given matcher between {@code startsAt} and
	 * {@code endsAt} are stored with {@code suppressed_by = silence:<name>}.
	 *
	 * @param name label stored with suppressed events (default {@code silence-<N>}, N
	 * counted from 1)
	 * @param account account name to match, or {@code null} for every account
	 * @param window window id to match ({@code five_hour}, {@code seven_day}, …), or
	 * {@code null} for every window
	 * @param type alert type code to match ({@code threshold}, {@code window_reset}, …),
	 * or {@code null} for every type
	 * @param startsAt start of the silence, or {@code null} for immediately
	 * @param endsAt end of the silence (required)
	 * @param comment why the silence exists (required)
	 */
	public record Silence(String name, String account, String window, String type, Instant startsAt, Instant endsAt,
			String comment) {
	}

	/**
	 * A daily range of local times, for example 22:00 to 07:00. A range whose end is
	 * before its start spans midnight.
	 *
	 * @param start first local time of the range, or {@code null} when quiet hours are
	 * off
	 * @param end first local time after the range, or {@code null} when quiet hours are
	 * off
	 */
	public record QuietHours(LocalTime start, LocalTime end) {

		boolean enabled() {
			return this.start != null && this.end != null && !this.start.equals(this.end);
		}

		boolean contains(LocalTime time) {
			if (this.start.isBefore(this.end)) {
				return !time.isBefore(this.start) && time.isBefore(this.end);
			}
			return !time.isBefore(this.start) || time.isBefore(this.end);
		}

	}

}
