package dev.usagemonitor.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.usagemonitor.collect.Observation;
import dev.usagemonitor.collect.UsageWindow;
import dev.usagemonitor.config.MonitorProperties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Tells window instances apart by their {@code resets_at}. Given a fresh observation, it
 * resolves the alerts of instances that ended, announces the reset of a window that was
 * critical or exhausted, and moves the alerts of a rescheduled instance to its new reset
 * instant.
 * <p>
 * An instance has ended when the observation is later than its reset instant plus the
 * drift tolerance, or when the usage fell under the value an alert of the instance fired
 * at. Usage only grows within an instance, so such a drop means the source reset the
 * window early. A reset instant that moved without either is a reschedule of the same
 * instance.
 */
@Component
class WindowInstances {

	private static final Logger logger = LoggerFactory.getLogger(WindowInstances.class);

	static final String WINDOW_RESET = "window_reset";

	private final AlertRepository alerts;

	private final AlertJournal journal;

	private final WindowMessages messages;

	private final Duration tolerance;

	WindowInstances(AlertRepository alerts, AlertJournal journal, ThresholdProperties thresholds,
			MonitorProperties monitor) {
		this.alerts = alerts;
		this.journal = journal;
		this.messages = new WindowMessages(new AlertFormat(monitor.zone()));
		this.tolerance = thresholds.resetTolerance();
	}

	/**
	 * Returns the key of the instance a window belongs to: its reset instant, or 0 when
	 * it has none.
	 */
	static long key(UsageWindow window) {
		return (window.resetsAt() != null) ? window.resetsAt().toEpochMilli() : 0;
	}

	/**
	 * Settles the stored alerts of a window against a fresh observation and returns the
	 * observed instance with its alerts.
	 */
	Instance settle(AccountEvaluation evaluation, Observation observation, WindowReading reading, List<Alert> stored) {
		UsageWindow window = observation.window();
		Map<Long, List<Alert>> instances = byInstance(stored);
		long currentKey = instances.keySet()
			.stream()
			.filter((key) -> sameInstance(key, window))
			.findFirst()
			.orElse(key(window));
		List<Alert> current = new ArrayList<>();
		Long lastEnded = null;
		for (Map.Entry<Long, List<Alert>> instance : instances.entrySet()) {
			long key = instance.getKey();
			if (sameInstance(key, window)) {
				current.addAll(instance.getValue());
			}
			else if (ended(key, instance.getValue(), observation, reading)) {
				resolveEnded(evaluation, window, reading, instance.getValue());
				lastEnded = key;
			}
			else if (window.resetsAt() != null) {
				current.addAll(reschedule(evaluation, window, key, currentKey, instance.getValue()));
			}
		}
		if (lastEnded != null && needsResetNotice(instances.get(lastEnded))) {
			announceReset(evaluation, window, reading, lastEnded);
		}
		return new Instance(currentKey, current);
	}

	boolean sameInstance(long key, UsageWindow window) {
		if (window.resetsAt() == null || key == 0) {
			return window.resetsAt() == null && key == 0;
		}
		long drift = Math.abs(window.resetsAt().toEpochMilli() - key);
		return drift <= this.tolerance.toMillis();
	}

	private boolean ended(long key, List<Alert> instanceAlerts, Observation observation, WindowReading reading) {
		if (key == 0 || instanceAlerts.stream().anyMatch((alert) -> alert.type() == AlertType.WINDOW_RESET)) {
			return true;
		}
		Instant end = Instant.ofEpochMilli(key).plus(this.tolerance);
		if (!observation.observedAt().isBefore(end)) {
			return true;
		}
		return instanceAlerts.stream()
			.filter((alert) -> alert.type() != AlertType.WINDOW_RESET && alert.value() != null)
			.anyMatch((alert) -> reading.value() < alert.value());
	}

	private void resolveEnded(AccountEvaluation evaluation, UsageWindow window, WindowReading reading,
			List<Alert> instanceAlerts) {
		for (Alert alert : instanceAlerts) {
			if (alert.firing()) {
				this.journal.resolve(evaluation, alert, reading.value(),
						this.messages.instanceEnded(evaluation.account(), window, alert, reading), WINDOW_RESET);
			}
		}
	}

	private List<Alert> reschedule(AccountEvaluation evaluation, UsageWindow window, long key, long newKey,
			List<Alert> instanceAlerts) {
		logger.info("Window '{}' of account {} moved its reset from {} to {}; keeping its alerts", window.id(),
				evaluation.account(), Instant.ofEpochMilli(key), window.resetsAt());
		this.alerts.rekey(evaluation.accountId(), window.id(), key, newKey, window.resetsAt());
		return instanceAlerts.stream()
			.map((alert) -> new Alert(alert.id(), alert.accountId(), alert.windowId(), newKey, alert.type(),
					alert.level(), alert.state(), alert.startedAt(), alert.resolvedAt(), alert.value(),
					window.resetsAt(), alert.message(), alert.resolution()))
			.toList();
	}

	private static boolean needsResetNotice(List<Alert> instanceAlerts) {
		boolean reachedCritical = instanceAlerts.stream()
			.anyMatch((alert) -> alert.type() == AlertType.THRESHOLD && alert.level().atLeast(AlertLevel.CRITICAL));
		boolean announced = instanceAlerts.stream().anyMatch((alert) -> alert.type() == AlertType.WINDOW_RESET);
		return reachedCritical && !announced;
	}

	private void announceReset(AccountEvaluation evaluation, UsageWindow window, WindowReading reading, long endedKey) {
		AlertText text = this.messages.windowReset(evaluation.account(), window, reading);
		this.journal.notice(evaluation, new AlertDraft(window.id(), endedKey, AlertType.WINDOW_RESET, AlertLevel.INFO,
				reading.value(), window.resetsAt(), text));
	}

	private static Map<Long, List<Alert>> byInstance(List<Alert> stored) {
		Map<Long, List<Alert>> instances = new TreeMap<>();
		for (Alert alert : stored) {
			instances.computeIfAbsent(alert.instanceKey(), (key) -> new ArrayList<>()).add(alert);
		}
		return instances;
	}

	/**
	 * The observed window instance.
	 *
	 * @param key instance key of its alerts: the reset instant first seen for it, or 0
	 * when the window has no reset instant
	 * @param alerts its alerts, in any state
	 */
	record Instance(long key, List<Alert> alerts) {
	}

}
