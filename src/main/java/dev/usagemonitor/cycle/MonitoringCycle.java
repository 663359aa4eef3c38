package dev.usagemonitor.cycle;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;

import dev.usagemonitor.collect.CollectionRecorder;
import dev.usagemonitor.collect.CollectionResult;
import dev.usagemonitor.collect.RecordedCollection;
import dev.usagemonitor.collect.UsageCollector;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs one monitoring cycle: collect every account over HTTP, outside any transaction,
 * then store every account's outcome in one transaction.
 */
@Service
public class MonitoringCycle {

	private final Clock clock;

	private final UsageCollector collector;

	private final CollectionRecorder recorder;

	private final TransactionTemplate transaction;

	MonitoringCycle(Clock clock, UsageCollector collector, CollectionRecorder recorder,
			PlatformTransactionManager transactions) {
		this.clock = clock;
		this.collector = collector;
		this.recorder = recorder;
		this.transaction = new TransactionTemplate(transactions);
	}

	/**
	 * Runs a cycle and returns its summary.
	 * @throws org.springframework.dao.DataAccessException when the outcome could not be
	 * stored
	 */
	public CycleSummary run() {
		return collectAndStore(this::evaluateAlerts);
	}

	/**
	 * Collects and stores every account without the rest of the cycle, for
	 * {@code GET /scrapeUsage}.
	 */
	public CycleSummary scrape() {
		return collectAndStore((cycleId, recorded) -> {
		});
	}

	private CycleSummary collectAndStore(BiConsumer<String, List<RecordedCollection>> inSameTransaction) {
		Instant started = this.clock.instant();
		String cycleId = UUID.randomUUID().toString();
		List<CollectionResult> results = this.collector.collectAll();
		List<RecordedCollection> recorded = this.transaction.execute((status) -> {
			List<RecordedCollection> stored = this.recorder.recordAll(cycleId, results);
			inSameTransaction.accept(cycleId, stored);
			return stored;
		});
		return new CycleSummary(cycleId, started, this.clock.instant(),
				recorded.stream().map(MonitoringCycle::summarize).toList());
	}

	/**
	 * Evaluates alert rules against the outcomes just stored, inside the transaction that
	 * stored them, so that observations and alert changes commit together.
	 */
	// TODO: alert evaluation is not built yet; this is where it runs.
	private void evaluateAlerts(String cycleId, List<RecordedCollection> recorded) {
	}

	private static CycleSummary.AccountSummary summarize(RecordedCollection recorded) {
		CollectionResult result = recorded.result();
		return new CycleSummary.AccountSummary(result.account().name(), result.status().code(), result.message(),
				recorded.windowsStored());
	}

}
