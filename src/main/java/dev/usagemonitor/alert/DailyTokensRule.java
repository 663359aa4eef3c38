package dev.usagemonitor.alert;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;

import dev.usagemonitor.alert.ThresholdProperties.DailyTokenLevels;
import dev.usagemonitor.config.MonitorProperties;

import org.springframework.stereotype.Component;

/**
 * Fires {@code daily_tokens} when the transcript tokens of the current day in
 * {@code monitor.zone} reach the warning or critical level, once per level per day, and
 * resolves it when the day ends. Accounts without any token rows are skipped.
 */
@Component
class DailyTokensRule {

	static final String DAY_ENDED = "day_ended";

	private final ActivityRepository activity;

	private final AlertRepository alerts;

	private final AlertJournal journal;

	private final ThresholdProperties thresholds;

	private final ZoneId zone;

	private final AccountMessages messages;

	DailyTokensRule(ActivityRepository activity, AlertRepository alerts, AlertJournal journal,
			ThresholdProperties thresholds, MonitorProperties monitor) {
		this.activity = activity;
		this.alerts = alerts;
		this.journal = journal;
		this.thresholds = thresholds;
		this.zone = monitor.zone();
		this.messages = new AccountMessages(new AlertFormat(monitor.zone()));
	}

	void evaluate(AccountEvaluation evaluation) {
		if (!this.activity.hasTokenUsage(evaluation.accountId())) {
			return;
		}
		ZonedDateTime dayStart = evaluation.now().atZone(this.zone).toLocalDate().atStartOfDay(this.zone);
		Instant from = dayStart.toInstant();
		long day = from.toEpochMilli();
		List<Alert> recent = this.alerts.findRecent(evaluation.accountId(), "", Set.of(AlertType.DAILY_TOKENS),
				from.minus(Duration.ofDays(2)));
		for (Alert alert : recent) {
			if (alert.firing() && alert.instanceKey() != day) {
				this.journal.resolve(evaluation, alert, null,
						this.messages.dailyTokensDayEnded(evaluation.account(), dayEnd(alert)), DAY_ENDED);
			}
		}
		long tokens = this.activity.tokensBetween(evaluation.accountId(), from, dayStart.plusDays(1).toInstant());
		fire(evaluation, day, tokens, recent.stream().filter((alert) -> alert.instanceKey() == day).toList());
	}

	private void fire(AccountEvaluation evaluation, long day, long tokens, List<Alert> today) {
		DailyTokenLevels levels = this.thresholds.dailyTokens(evaluation.account());
		AlertLevel reached = (tokens >= levels.critical()) ? AlertLevel.CRITICAL
				: (tokens >= levels.warning()) ? AlertLevel.WARNING : null;
		if (reached == null || today.stream().anyMatch((alert) -> alert.level().atLeast(reached))) {
			return;
		}
		today.stream()
			.filter(Alert::firing)
			.forEach((alert) -> this.journal.close(evaluation, alert, ThresholdRule.ESCALATED));
		long threshold = (reached == AlertLevel.CRITICAL) ? levels.critical() : levels.warning();
		AlertText text = this.messages.dailyTokensFired(evaluation.account(), reached, tokens, threshold);
		this.journal.fire(evaluation,
				new AlertDraft("", day, AlertType.DAILY_TOKENS, reached, (double) tokens, null, text));
	}

	private Instant dayEnd(Alert alert) {
		return Instant.ofEpochMilli(alert.instanceKey()).atZone(this.zone).plusDays(1).toInstant();
	}

}
