package dev.usagemonitor.cycle;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.usagemonitor.alert.AlertEvent;
import dev.usagemonitor.alert.ThresholdEvaluation;
import dev.usagemonitor.collect.CollectionRecorder;
import dev.usagemonitor.collect.CollectionResult;
import dev.usagemonitor.collect.RecordedCollection;
import dev.usagemonitor.collect.UsageCollector;
import dev.usagemonitor.config.Account;
import dev.usagemonitor.config.ConfiguredAccounts;
import dev.usagemonitor.notify.FlushNotifications;
import dev.usagemonitor.notify.FlushReport;
import dev.usagemonitor.notify.NotificationOutbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs one monitoring cycle. It collects every account over HTTP outside any transaction.
 * Then one transaction stores the outcomes, evaluates the alert rules and puts the
 * resulting events in the notification outbox. After the commit, it sends what the outbox
 * holds.
 * <p>
 * Every configured account is evaluated, push accounts included: nothing is collected for
 * them, but their pushed data can fire alerts, and their daily alerts must resolve when
 * the day ends.
 */
@Service
public class MonitoringCycle {

	private static final Logger logger = LoggerFactory.getLogger(MonitoringCycle.class);

	private final Clock clock;

	private final ConfiguredAccounts accounts;

	private final UsageCollector collector;

	private final CollectionRecorder recorder;

	private final ThresholdEvaluation evaluation;

	private final NotificationOutbox outbox;

	private final FlushNotifications notifications;

	private final TransactionTemplate transaction;

	MonitoringCycle(Clock clock, ConfiguredAccounts accounts, UsageCollector collector, CollectionRecorder recorder,
			ThresholdEvaluation evaluation, NotificationOutbox outbox, FlushNotifications notifications,
			PlatformTransactionManager transactions) {
		this.clock = clock;
		this.accounts = accounts;
		this.collector = collector;
		this.recorder = recorder;
		this.evaluation = evaluation;
		this.outbox = outbox;
		this.notifications = notifications;
		this.transaction = new TransactionTemplate(transactions);
	}

	/**
	 * Runs a cycle and returns its summary.
	 * @throws org.springframework.dao.DataAccessException when the outcome could not be
	 * stored
	 */
	public CycleSummary run() {
		Instant started = this.clock.instant();
		String cycleId = UUID.randomUUID().toString();
		List<CollectionResult> results = this.collector.collectAll();
		StoredCycle stored = this.transaction.execute((status) -> storeAndEvaluate(cycleId, results));
		FlushReport flushed = flushAfterCommit(cycleId);
		return summarize(cycleId, started, stored, flushed);
	}

	/**
	 * Sends the outbox and returns what the flush did, or {@code null} when the store
	 * failed during the flush. Such a failure does not fail the cycle, whose outcome is
	 * already committed, because a failed request makes the cron run a whole cycle again.
	 * The notifications stay pending for the next flush.
	 */
	private FlushReport flushAfterCommit(String cycleId) {
		try {
			return this.notifications.flush();
		}
		catch (DataAccessException ex) {
			logger.warn("Cycle {} is stored, but sending its notifications failed, so they stay pending for the next"
					+ " flush", cycleId, ex);
			return null;
		}
	}

	/**
	 * Collects and stores every account without evaluating or notifying, for
	 * {@code GET /scrapeUsage}.
	 */
	public CycleSummary scrape() {
		Instant started = this.clock.instant();
		String cycleId = UUID.randomUUID().toString();
		List<CollectionResult> results = this.collector.collectAll();
		List<RecordedCollection> recorded = this.transaction
			.execute((status) -> this.recorder.recordAll(cycleId, results));
		return summarize(cycleId, started, new StoredCycle(recorded, List.of()), null);
	}

	private StoredCycle storeAndEvaluate(String cycleId, List<CollectionResult> results) {
		List<RecordedCollection> recorded = this.recorder.recordAll(cycleId, results);
		List<String> names = this.accounts.all().stream().map(Account::name).toList();
		List<AlertEvent> events = this.evaluation.evaluate(cycleId, names);
		this.outbox.enqueue(cycleId);
		return new StoredCycle(recorded, events);
	}

	private CycleSummary summarize(String cycleId, Instant started, StoredCycle stored, FlushReport flushed) {
		Map<String, List<CycleSummary.EventSummary>> events = stored.events()
			.stream()
			.collect(Collectors.groupingBy(AlertEvent::account,
					Collectors.mapping(MonitoringCycle::summarize, Collectors.toList())));
		List<CycleSummary.AccountSummary> accounts = new ArrayList<>();
		stored.recorded().forEach((recorded) -> accounts.add(summarize(recorded, events)));
		for (Account account : this.accounts.all()) {
			if (!account.source().isCollected() && events.containsKey(account.name())) {
				accounts.add(summarizeUncollected(account, events.get(account.name())));
			}
		}
		return new CycleSummary(cycleId, started, this.clock.instant(), List.copyOf(accounts), flushed);
	}

	/**
	 * Summarizes an account the cycle did not collect but whose stored data fired or
	 * resolved alerts. Its status is its source, {@code push}.
	 */
	private static CycleSummary.AccountSummary summarizeUncollected(Account account,
			List<CycleSummary.EventSummary> events) {
		return new CycleSummary.AccountSummary(account.name(), account.source().code(),
				"Not collected: Claude Code pushes this account's usage", 0, events);
	}

	private static CycleSummary.AccountSummary summarize(RecordedCollection recorded,
			Map<String, List<CycleSummary.EventSummary>> events) {
		CollectionResult result = recorded.result();
		String name = result.account().name();
		return new CycleSummary.AccountSummary(name, result.status().code(), result.message(), recorded.windowsStored(),
				events.getOrDefault(name, List.of()));
	}

	private static CycleSummary.EventSummary summarize(AlertEvent event) {
		return new CycleSummary.EventSummary(event.type().code(), event.level().code(), event.state().code(),
				event.window(), event.title(), event.message(), event.suppressed());
	}

	private record StoredCycle(List<RecordedCollection> recorded, List<AlertEvent> events) {
	}

}
