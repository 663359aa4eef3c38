package dev.usagemonitor.alert;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.usagemonitor.alert.BurnRate.Point;
import dev.usagemonitor.alert.ThresholdProperties.Projection;
import dev.usagemonitor.collect.Observation;
import dev.usagemonitor.collect.ObservationRepository;
import dev.usagemonitor.collect.UsageWindow;
import dev.usagemonitor.config.MonitorProperties;

import org.springframework.stereotype.Component;

/**
 * Fires {@code projected_exhaustion} when the burn rate of the current window instance
 * reaches 100 % before the window resets, and resolves it when the projection no longer
 * does. Too few observations leave the alert as it is. An exhausted level in the same
 * instance replaces the projection.
 * <p>
 * NOTE: the projection assumes the recent burn rate continues without breaks, so for
 * weekly windows, where a person rarely works around the clock, it warns early.
 */
@Component
class ProjectionRule {

	static final String PROJECTION_CLEARED = "projection_cleared";

	private final ObservationRepository observations;

	private final AlertJournal journal;

	private final WindowInstances instances;

	private final Projection projection;

	private final WindowMessages messages;

	ProjectionRule(ObservationRepository observations, AlertJournal journal, WindowInstances instances,
			ThresholdProperties thresholds, MonitorProperties monitor) {
		this.observations = observations;
		this.journal = journal;
		this.instances = instances;
		this.projection = thresholds.projection();
		this.messages = new WindowMessages(new AlertFormat(monitor.zone()));
	}

	void evaluate(AccountEvaluation evaluation, Observation observation, WindowReading reading,
			WindowInstances.Instance instance) {
		UsageWindow window = observation.window();
		if (!this.projection.enabled() || reading.amount() || window.resetsAt() == null) {
			return;
		}
		if (exhausted(instance, reading)) {
			projections(instance).stream()
				.filter(Alert::firing)
				.forEach((alert) -> this.journal.close(evaluation, alert, ThresholdRule.ESCALATED));
			return;
		}
		List<Point> points = points(evaluation, observation);
		if (BurnRate.measured(points, this.projection.minObservations(), this.projection.minSpan())) {
			Optional<BurnRate> rate = BurnRate.measure(points)
				.filter((measured) -> measured.exhaustedAt().isBefore(window.resetsAt()));
			apply(evaluation, window, reading, instance, rate);
		}
	}

	private void apply(AccountEvaluation evaluation, UsageWindow window, WindowReading reading,
			WindowInstances.Instance instance, Optional<BurnRate> rate) {
		List<Alert> projections = projections(instance);
		Optional<Alert> firing = projections.stream().filter(Alert::firing).findFirst();
		if (rate.isPresent() && projections.isEmpty()) {
			AlertText text = this.messages.projected(evaluation.account(), window, reading, rate.get());
			this.journal.fire(evaluation, new AlertDraft(window.id(), instance.key(), AlertType.PROJECTED_EXHAUSTION,
					AlertLevel.WARNING, reading.value(), window.resetsAt(), text));
		}
		if (rate.isEmpty() && firing.isPresent()) {
			AlertText text = this.messages.projectionCleared(evaluation.account(), window, reading);
			this.journal.resolve(evaluation, firing.get(), reading.value(), text, PROJECTION_CLEARED);
		}
	}

	private static List<Alert> projections(WindowInstances.Instance instance) {
		return instance.alerts().stream().filter((alert) -> alert.type() == AlertType.PROJECTED_EXHAUSTION).toList();
	}

	private static boolean exhausted(WindowInstances.Instance instance, WindowReading reading) {
		return reading.value() >= 100 || instance.alerts()
			.stream()
			.anyMatch((alert) -> alert.type() == AlertType.THRESHOLD && alert.level() == AlertLevel.EXHAUSTED);
	}

	/**
	 * Returns the percentages of the current instance observed within the lookback,
	 * oldest first.
	 */
	private List<Point> points(AccountEvaluation evaluation, Observation latest) {
		UsageWindow window = latest.window();
		Instant to = latest.observedAt().plusMillis(1);
		Instant from = latest.observedAt().minus(this.projection.lookback());
		return this.observations.findHistory(evaluation.accountId(), window.id(), from, to)
			.stream()
			.filter((observation) -> sameInstance(observation.window(), window))
			.map(ProjectionRule::point)
			.flatMap(Optional::stream)
			.toList();
	}

	private boolean sameInstance(UsageWindow observed, UsageWindow latest) {
		return observed.resetsAt() != null && this.instances.sameInstance(WindowInstances.key(observed), latest);
	}

	private static Optional<Point> point(Observation observation) {
		WindowReading reading = WindowReading.of(observation.window());
		if (reading == null || reading.amount()) {
			return Optional.empty();
		}
		return Optional.of(new Point(observation.observedAt(), reading.value()));
	}

}
