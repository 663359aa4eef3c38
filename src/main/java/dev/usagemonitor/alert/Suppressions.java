package dev.usagemonitor.alert;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import dev.usagemonitor.alert.AlertProperties.QuietHours;
import dev.usagemonitor.alert.AlertProperties.Silence;
import dev.usagemonitor.config.MonitorProperties;

import org.springframework.stereotype.Component;

/**
 * Decides whether the notification of an event is held back by a silence or by quiet
 * hours. The decision is stored with the event; it never changes evaluation.
 */
@Component
class Suppressions {

	static final String QUIET_HOURS = "quiet-hours";

	private final List<Silence> silences;

	private final QuietHours quietHours;

	private final ZoneId zone;

	Suppressions(AlertProperties properties, MonitorProperties monitor) {
		this.silences = named(properties.silences());
		this.quietHours = properties.quietHours();
		this.zone = monitor.zone();
		validate();
	}

	/**
	 * Returns what suppresses an event of this account, window and type at an instant:
	 * {@code silence:<name>} for the first matching silence, {@code quiet-hours}, or
	 * {@code null} when the notification goes out.
	 */
	String suppressedBy(String account, String window, AlertType type, Instant at) {
		for (Silence silence : this.silences) {
			if (matches(silence, account, window, type, at)) {
				return "silence:" + silence.name();
			}
		}
		if (this.quietHours.enabled() && this.quietHours.contains(at.atZone(this.zone).toLocalTime())) {
			return QUIET_HOURS;
		}
		return null;
	}

	private static boolean matches(Silence silence, String account, String window, AlertType type, Instant at) {
		boolean active = (silence.startsAt() == null || !at.isBefore(silence.startsAt()))
				&& at.isBefore(silence.endsAt());
		return active && matcher(silence.account(), account) && matcher(silence.window(), window)
				&& matcher(silence.type(), type.code());
	}

	private static boolean matcher(String expected, String actual) {
		return expected == null || expected.isBlank() || expected.equals(actual);
	}

	private static List<Silence> named(List<Silence> silences) {
		List<Silence> named = new ArrayList<>();
		for (int i = 0; i < silences.size(); i++) {
			Silence silence = silences.get(i);
			String name = (silence.name() != null && !silence.name().isBlank()) ? silence.name() : "silence-" + (i + 1);
			named.add(new Silence(name, silence.account(), silence.window(), silence.type(), silence.startsAt(),
					silence.endsAt(), silence.comment()));
		}
		return List.copyOf(named);
	}

	private static void checkType(String property, String type) {
		if (type == null || type.isBlank()) {
			return;
		}
		try {
			AlertType.ofCode(type);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(property + ".type is invalid: " + ex.getMessage(), ex);
		}
	}

	private void validate() {
		for (int i = 0; i < this.silences.size(); i++) {
			Silence silence = this.silences.get(i);
			String property = "monitor.alerts.silences[" + i + "]";
			if (silence.endsAt() == null) {
				throw new IllegalArgumentException(property + ".ends-at is missing: set the instant the silence ends, "
						+ "for example 2026-12-24T18:00:00Z");
			}
			if (silence.comment() == null || silence.comment().isBlank()) {
				throw new IllegalArgumentException(property + ".comment is missing: say why the silence exists");
			}
			checkType(property, silence.type());
		}
		if ((this.quietHours.start() == null) != (this.quietHours.end() == null)) {
			throw new IllegalArgumentException("monitor.alerts.quiet-hours needs both start and end, for example "
					+ "start: \"22:00\" and end: \"07:00\"");
		}
	}

}
