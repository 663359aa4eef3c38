package dev.usagemonitor.alert;

import java.time.Instant;

import dev.usagemonitor.collect.UsageWindow;

/**
 * Titles and messages of window alerts: thresholds, projections and resets.
 */
final class WindowMessages {

	private final AlertFormat format;

	WindowMessages(AlertFormat format) {
		this.format = format;
	}

	AlertText thresholdFired(String account, UsageWindow window, AlertLevel level, WindowReading reading,
			LevelScale scale) {
		String name = AlertFormat.windowName(window);
		String title = account + ": " + name + " " + level.code();
		if (reading.amount()) {
			return new AlertText(title,
					account + ": " + name + " at " + AlertFormat.value(reading) + ", over the " + level.code()
							+ " amount of " + AlertFormat.value(scale.threshold(level), reading)
							+ " — check the extra usage settings on claude.ai");
		}
		if (level == AlertLevel.EXHAUSTED) {
			return new AlertText(title, account + ": " + name + " used up at " + AlertFormat.value(reading)
					+ " — you can work again " + resetPhrase(window.resetsAt()));
		}
		return new AlertText(title, account + ": " + name + " at " + AlertFormat.value(reading) + " — resets "
				+ resetPhrase(window.resetsAt()));
	}

	AlertText thresholdCleared(String account, UsageWindow window, Alert alert, WindowReading reading,
			LevelScale scale) {
		String name = AlertFormat.windowName(window);
		Double threshold = scale.threshold(alert.level());
		String below = (threshold != null)
				? ", under the " + alert.level().code() + " level of " + AlertFormat.value(threshold, reading) : "";
		return new AlertText(account + ": " + name + " back under " + alert.level().code(),
				account + ": " + name + " at " + AlertFormat.value(reading) + below);
	}

	AlertText instanceEnded(String account, UsageWindow window, Alert alert, WindowReading reading) {
		String name = AlertFormat.windowName(window);
		String when = (alert.instanceKey() != 0) ? " at " + this.format.time(Instant.ofEpochMilli(alert.instanceKey()))
				: "";
		return new AlertText(account + ": " + name + " reset",
				account + ": " + name + " reset" + when + ", now at " + AlertFormat.value(reading));
	}

	AlertText windowReset(String account, UsageWindow window, WindowReading reading) {
		String name = AlertFormat.windowName(window);
		String next = (window.resetsAt() != null) ? "; next reset " + this.format.time(window.resetsAt()) : "";
		return new AlertText(account + ": " + name + " available again", account + ": " + name + " has reset and is at "
				+ AlertFormat.value(reading) + " — you can work again" + next);
	}

	AlertText projected(String account, UsageWindow window, WindowReading reading, BurnRate rate) {
		String name = AlertFormat.windowName(window);
		return new AlertText(account + ": " + name + " projected to run out",
				account + ": " + name + " at " + AlertFormat.value(reading) + ", rising "
						+ AlertFormat.percent(rate.percentPerHour()) + " an hour — runs out about "
						+ this.format.time(rate.exhaustedAt()) + ", before the reset "
						+ this.format.time(window.resetsAt()));
	}

	AlertText projectionCleared(String account, UsageWindow window, WindowReading reading) {
		String name = AlertFormat.windowName(window);
		return new AlertText(account + ": " + name + " no longer projected to run out",
				account + ": " + name + " at " + AlertFormat.value(reading) + ", on pace to last until the reset "
						+ this.format.time(window.resetsAt()));
	}

	private String resetPhrase(Instant resetsAt) {
		return (resetsAt != null) ? this.format.time(resetsAt) : "at a time the source has not reported yet";
	}

}
