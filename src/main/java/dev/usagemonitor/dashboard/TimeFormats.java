package dev.usagemonitor.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Renders instants and durations for people, in the viewer's zone, relative to the time
 * of the report.
 *
 * @param zone the viewer's zone
 * @param now time of the report
 */
record TimeFormats(ZoneId zone, Instant now) {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

	private static final DateTimeFormatter WEEKDAY_TIME = DateTimeFormatter.ofPattern("EEE HH:mm", Locale.ENGLISH);

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH);

	private static final DateTimeFormatter ZONE_NAME = DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH);

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

	/**
	 * Formats a time as short as it stays unambiguous: {@code 17:00} today,
	 * {@code Tue 09:00} within a week, {@code 3 Dec 09:00} otherwise.
	 */
	String time(Instant instant) {
		ZonedDateTime local = instant.atZone(this.zone);
		ZonedDateTime today = this.now.atZone(this.zone);
		if (local.toLocalDate().equals(today.toLocalDate())) {
			return TIME.format(local);
		}
		long days = Math.abs(Duration.between(this.now, instant).toDays());
		return (days < 6) ? WEEKDAY_TIME.format(local) : DATE_TIME.format(local);
	}

	/**
	 * Formats a chart axis label: the time of day for short ranges, the date otherwise.
	 */
	String axis(Instant instant, Duration range) {
		ZonedDateTime local = instant.atZone(this.zone);
		return (range.compareTo(Duration.ofDays(2)) <= 0) ? TIME.format(local) : DATE.format(local);
	}

	/**
	 * Formats the time left until an instant, for example {@code in 2 h 05 min}, or
	 * {@code now} once it has passed.
	 */
	String countdown(Instant instant) {
		Duration left = Duration.between(this.now, instant);
		return left.isNegative() || left.isZero() ? "now" : "in " + span(left);
	}

	/**
	 * Formats the time since an instant, for example {@code 3 min ago}.
	 */
	String ago(Instant instant) {
		Duration age = Duration.between(instant, this.now);
		return (age.toMinutes() < 1) ? "just now" : span(age) + " ago";
	}

	/**
	 * Returns the zone's short name at the time of the report, for example {@code CET},
	 * {@code CEST} or {@code UTC}.
	 */
	String zoneName() {
		return ZONE_NAME.format(this.now.atZone(this.zone));
	}

	static String span(Duration duration) {
		long days = duration.toDays();
		long hours = duration.toHoursPart();
		long minutes = duration.toMinutesPart();
		if (days > 0) {
			return days + " d " + hours + " h";
		}
		if (hours > 0) {
			return hours + " h " + String.format(Locale.ROOT, "%02d", minutes) + " min";
		}
		return Math.max(minutes, 1) + " min";
	}

}
