package dev.usagemonitor.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.usagemonitor.collect.Observation;
import dev.usagemonitor.config.MonitorProperties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Evaluates the latest observation of one window: settles its instances, then applies the
 * level and projection rules. Stale observations and unknown values are skipped, so they
 * never fire or resolve anything.
 * <p>
 * NOTE: a window that disappears from the usage response keeps its last observation,
 * which turns stale, so its firing alerts stay firing until the window returns.
 */
@Component
class WindowRules {

	private static final Logger logger = LoggerFactory.getLogger(WindowRules.class);

	/** How far back stored alerts are read; longer than any window instance. */
	private static final Duration MEMORY = Duration.ofDays(35);

	private static final Set<AlertType> TYPES = Set.of(AlertType.THRESHOLD, AlertType.PROJECTED_EXHAUSTION,
			AlertType.WINDOW_RESET);

	private final AlertRepository alerts;

	private final WindowInstances instances;

	private final ThresholdRule thresholdRule;

	private final ProjectionRule projectionRule;

	private final Duration staleAfter;

	WindowRules(AlertRepository alerts, WindowInstances instances, ThresholdRule thresholdRule,
			ProjectionRule projectionRule, ThresholdProperties thresholds, MonitorProperties monitor) {
		this.alerts = alerts;
		this.instances = instances;
		this.thresholdRule = thresholdRule;
		this.projectionRule = projectionRule;
		this.staleAfter = thresholds.staleAfter(monitor.cycleInterval());
	}

	void evaluate(AccountEvaluation evaluation, Observation observation) {
		Instant freshSince = evaluation.now().minus(this.staleAfter);
		WindowReading reading = WindowReading.of(observation.window());
		if (observation.observedAt().isBefore(freshSince) || reading == null) {
			logger.debug("Skipping window '{}' of account {}: observed at {} with value {}", observation.window().id(),
					evaluation.account(), observation.observedAt(), observation.window().utilization());
			return;
		}
		List<Alert> stored = this.alerts.findRecent(evaluation.accountId(), observation.window().id(), TYPES,
				evaluation.now().minus(MEMORY));
		WindowInstances.Instance instance = this.instances.settle(evaluation, observation, reading, stored);
		Optional<Alert> fired = this.thresholdRule.evaluate(evaluation, observation.window(), reading, instance);
		if (fired.isPresent()) {
			List<Alert> alerts = new ArrayList<>(instance.alerts());
			alerts.add(fired.get());
			instance = new WindowInstances.Instance(instance.key(), alerts);
		}
		this.projectionRule.evaluate(evaluation, observation, reading, instance);
	}

}
