package dev.usagemonitor.alert;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.usagemonitor.config.AccountProperties;
import dev.usagemonitor.config.MonitorProperties;
import dev.usagemonitor.notify.NotificationOutbox;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Evaluates the latest stored data outside a monitoring cycle, in a transaction of its
 * own, under a fresh cycle id. Events it fires enter the notification outbox in the same
 * transaction and go out at the next flush.
 */
@Component
class OnDemandEvaluation {

	private final ThresholdEvaluation evaluation;

	private final TransactionTemplate transactions;

	private final MonitorProperties monitor;

	private final Clock clock;

	private final NotificationOutbox outbox;

	OnDemandEvaluation(ThresholdEvaluation evaluation, TransactionTemplate transactions, MonitorProperties monitor,
			Clock clock, NotificationOutbox outbox) {
		this.evaluation = evaluation;
		this.outbox = outbox;
		this.transactions = transactions;
		this.monitor = monitor;
		this.clock = clock;
	}

	/**
	 * Evaluates one configured account, or every configured account when {@code account}
	 * is {@code null} or blank.
	 * @throws UnknownAccountException when the account is not configured
	 */
	EvaluationResult evaluate(String account) {
		List<String> names = accountNames(account);
		String cycleId = UUID.randomUUID().toString();
		Instant evaluatedAt = this.clock.instant();
		List<AlertEvent> events = this.transactions.execute((status) -> {
			List<AlertEvent> fired = this.evaluation.evaluate(cycleId, names);
			this.outbox.enqueue(cycleId);
			return fired;
		});
		return new EvaluationResult(cycleId, evaluatedAt, names, events);
	}

	private List<String> accountNames(String account) {
		List<String> configured = this.monitor.accounts().stream().map(AccountProperties::name).toList();
		if (account == null || account.isBlank()) {
			return configured;
		}
		if (!configured.contains(account)) {
			throw new UnknownAccountException(account, configured);
		}
		return List.of(account);
	}

}
