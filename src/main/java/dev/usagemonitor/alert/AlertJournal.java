package dev.usagemonitor.alert;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Writes alert state changes and their events, marking each event with the suppression
 * that applies when it occurs.
 */
@Component
class AlertJournal {

	private static final Logger logger = LoggerFactory.getLogger(AlertJournal.class);

	/** Resolution of a one-shot notice, stored resolved as soon as it fires. */
	static final String NOTICE = "notice";

	private final AlertRepository alerts;

	private final Suppressions suppressions;

	AlertJournal(AlertRepository alerts, Suppressions suppressions) {
		this.alerts = alerts;
		this.suppressions = suppressions;
	}

	/**
	 * Stores a firing alert and its firing event.
	 */
	Alert fire(AccountEvaluation evaluation, AlertDraft draft) {
		Alert alert = this.alerts.insertFiring(evaluation.accountId(), draft, evaluation.now());
		record(evaluation, alert, AlertState.FIRING, draft.value(), draft.text());
		logger.info("Alert {} fired for account {} window '{}': {} {}", alert.id(), evaluation.account(),
				draft.windowId(), draft.type().code(), draft.level().code());
		return alert;
	}

	/**
	 * Stores a one-shot notice: a firing event whose alert is resolved at once.
	 */
	void notice(AccountEvaluation evaluation, AlertDraft draft) {
		Alert alert = fire(evaluation, draft);
		this.alerts.resolve(alert.id(), evaluation.now(), NOTICE);
	}

	/**
	 * Resolves a firing alert and stores its resolved event.
	 */
	void resolve(AccountEvaluation evaluation, Alert alert, Double value, AlertText text, String resolution) {
		this.alerts.resolve(alert.id(), evaluation.now(), resolution);
		record(evaluation, alert, AlertState.RESOLVED, value, text);
		logger.info("Alert {} resolved for account {} window '{}' ({})", alert.id(), evaluation.account(),
				alert.windowId(), resolution);
	}

	/**
	 * Resolves a firing alert without an event, because a higher level of the same
	 * instance replaces it.
	 */
	void close(AccountEvaluation evaluation, Alert alert, String resolution) {
		this.alerts.resolve(alert.id(), evaluation.now(), resolution);
	}

	private void record(AccountEvaluation evaluation, Alert alert, AlertState state, Double value, AlertText text) {
		String suppressedBy = this.suppressions.suppressedBy(evaluation.account(), alert.windowId(), alert.type(),
				evaluation.now());
		AlertEvent event = new AlertEvent(0, alert.id(), evaluation.account(), evaluation.cycleId(), alert.windowId(),
				alert.type(), alert.level(), state, value, alert.resetsAt(), evaluation.now(), text.title(),
				text.message(), suppressedBy);
		long id = this.alerts.insertEvent(event, evaluation.accountId());
		evaluation.events()
			.add(new AlertEvent(id, event.alertId(), event.account(), event.cycleId(), event.window(), event.type(),
					event.level(), state, value, event.resetsAt(), event.occurredAt(), event.title(), event.message(),
					suppressedBy));
	}

}
