package dev.usagemonitor.alert;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import dev.usagemonitor.collect.UsageWindow;
import dev.usagemonitor.config.MonitorProperties;

import org.springframework.stereotype.Component;

/**
 * Fires and resolves the warning, critical and exhausted levels of one window instance.
 * Each level fires at most once per instance, a higher level replaces a lower one, and a
 * firing level resolves when the value falls under it by the hysteresis. Windows without
 * a reset instant have no instances, so there a level may fire again after it resolved.
 */
@Component
class ThresholdRule {

	static final String BELOW_LEVEL = "below_level";

	static final String ESCALATED = "escalated";

	private final AlertJournal journal;

	private final ThresholdProperties thresholds;

	private final WindowMessages messages;

	ThresholdRule(AlertJournal journal, ThresholdProperties thresholds, MonitorProperties monitor) {
		this.journal = journal;
		this.thresholds = thresholds;
		this.messages = new WindowMessages(new AlertFormat(monitor.zone()));
	}

	/**
	 * Evaluates a reading against the alerts of its instance and returns the alert that
	 * fired, if any.
	 */
	Optional<Alert> evaluate(AccountEvaluation evaluation, UsageWindow window, WindowReading reading,
			WindowInstances.Instance instance) {
		LevelScale scale = LevelScale.of(this.thresholds.levels(evaluation.account(), window.kind()), reading,
				this.thresholds.hysteresisPercent());
		List<Alert> levels = instance.alerts().stream().filter((alert) -> alert.type() == AlertType.THRESHOLD).toList();
		Optional<Alert> firing = levels.stream().filter(Alert::firing).max(Comparator.comparing(Alert::level));
		boolean resolved = firing.isPresent() && scale.clearedBelow(firing.get().level(), reading.value());
		if (resolved) {
			AlertText text = this.messages.thresholdCleared(evaluation.account(), window, firing.get(), reading, scale);
			this.journal.resolve(evaluation, firing.get(), reading.value(), text, BELOW_LEVEL);
		}
		AlertLevel reached = scale.reached(reading.value());
		if (reached == null || alreadyReached(levels, reached, window, resolved ? firing.get() : null)) {
			return Optional.empty();
		}
		if (firing.isPresent() && !resolved) {
			this.journal.close(evaluation, firing.get(), ESCALATED);
		}
		AlertText text = this.messages.thresholdFired(evaluation.account(), window, reached, reading, scale);
		return Optional.of(this.journal.fire(evaluation, new AlertDraft(window.id(), instance.key(),
				AlertType.THRESHOLD, reached, reading.value(), window.resetsAt(), text)));
	}

	/**
	 * Tells whether a level (or a higher one) already fired in this instance. Without a
	 * reset instant only a firing alert counts.
	 */
	private static boolean alreadyReached(List<Alert> levels, AlertLevel reached, UsageWindow window,
			Alert justResolved) {
		boolean instanced = window.resetsAt() != null;
		return levels.stream()
			.filter((alert) -> instanced || (alert.firing() && alert != justResolved))
			.anyMatch((alert) -> alert.level().atLeast(reached));
	}

}
