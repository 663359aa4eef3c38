package dev.usagemonitor.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.usagemonitor.collect.CollectionRun;
import dev.usagemonitor.collect.CollectionRunRepository;
import dev.usagemonitor.collect.CollectionStatus;
import dev.usagemonitor.config.MonitorProperties;

import org.springframework.stereotype.Component;

/**
 * Watches the collection runs of an account. A status that needs a new credential fires
 * its own alert at once. The same failure status for {@code failing-after-runs} runs in a
 * row, or no successful run for longer than {@code stale-after}, fires
 * {@code collection_failing}. A failure episode is keyed by the start of the last
 * successful run, so each alert fires once per episode, and the next successful run
 * resolves them all. Accounts without runs (pushed data) are skipped.
 */
@Component
class CollectionHealthRule {

	static final String COLLECTION_OK = "collection_ok";

	private static final Duration MEMORY = Duration.ofDays(35);

	private final CollectionRunRepository runs;

	private final ActivityRepository activity;

	private final AlertRepository alerts;

	private final AlertJournal journal;

	private final ThresholdProperties thresholds;

	private final Duration staleAfter;

	private final AccountMessages messages;

	CollectionHealthRule(CollectionRunRepository runs, ActivityRepository activity, AlertRepository alerts,
			AlertJournal journal, ThresholdProperties thresholds, MonitorProperties monitor) {
		this.runs = runs;
		this.activity = activity;
		this.alerts = alerts;
		this.journal = journal;
		this.thresholds = thresholds;
		this.staleAfter = thresholds.staleAfter(monitor.cycleInterval());
		this.messages = new AccountMessages(new AlertFormat(monitor.zone()));
	}

	void evaluate(AccountEvaluation evaluation) {
		List<CollectionRun> recent = this.runs.findRecent(evaluation.accountId(), this.thresholds.failingAfterRuns());
		if (recent.isEmpty()) {
			return;
		}
		Optional<CollectionRun> lastSuccess = this.runs.findLatestSuccess(evaluation.accountId());
		long episode = lastSuccess.map((run) -> run.startedAt().toEpochMilli()).orElse(0L);
		List<Alert> stored = this.alerts.findRecent(evaluation.accountId(), "", AlertType.COLLECTION,
				evaluation.now().minus(MEMORY));
		resolveRecovered(evaluation, stored, episode, lastSuccess);
		List<Alert> current = stored.stream().filter((alert) -> alert.instanceKey() == episode).toList();
		draft(evaluation, recent, lastSuccess, episode).ifPresent((draft) -> fireOnce(evaluation, current, draft));
	}

	private Optional<AlertDraft> draft(AccountEvaluation evaluation, List<CollectionRun> recent,
			Optional<CollectionRun> lastSuccess, long episode) {
		CollectionRun latest = recent.get(0);
		if (latest.status().needsNewCredential()) {
			AlertType type = AlertType.ofCode(latest.status().code());
			AlertText text = this.messages.credentialNeeded(evaluation.account(), latest);
			return Optional.of(new AlertDraft("", episode, type, AlertLevel.CRITICAL, null, null, text));
		}
		return failing(evaluation, recent, lastSuccess).map((failing) -> new AlertDraft("", episode,
				AlertType.COLLECTION_FAILING, AlertLevel.WARNING, failing.runs(), null, failing.text()));
	}

	private Optional<Failing> failing(AccountEvaluation evaluation, List<CollectionRun> recent,
			Optional<CollectionRun> lastSuccess) {
		CollectionRun latest = recent.get(0);
		if (latest.status() == CollectionStatus.OK && !stale(evaluation, lastSuccess)) {
			return Optional.empty();
		}
		boolean repeated = recent.size() >= this.thresholds.failingAfterRuns()
				&& recent.stream().allMatch((run) -> run.status() == latest.status());
		if (repeated && latest.status() != CollectionStatus.OK) {
			AlertText text = this.messages.collectionFailing(evaluation.account(), latest, recent.size());
			return Optional.of(new Failing((double) recent.size(), text));
		}
		if (stale(evaluation, lastSuccess)) {
			Instant since = lastSuccess.map(CollectionRun::finishedAt).orElse(null);
			return Optional.of(new Failing(null, this.messages.collectionStale(evaluation.account(), latest, since)));
		}
		return Optional.empty();
	}

	private boolean stale(AccountEvaluation evaluation, Optional<CollectionRun> lastSuccess) {
		Optional<Instant> reference = lastSuccess.map(CollectionRun::finishedAt)
			.or(() -> this.activity.firstRunStart(evaluation.accountId()));
		return reference.isPresent() && reference.get().plus(this.staleAfter).isBefore(evaluation.now());
	}

	private void resolveRecovered(AccountEvaluation evaluation, List<Alert> stored, long episode,
			Optional<CollectionRun> lastSuccess) {
		for (Alert alert : stored) {
			if (alert.firing() && alert.instanceKey() < episode) {
				AlertText text = this.messages.collectionRecovered(evaluation.account(), alert,
						lastSuccess.get().finishedAt());
				this.journal.resolve(evaluation, alert, null, text, COLLECTION_OK);
			}
		}
	}

	private void fireOnce(AccountEvaluation evaluation, List<Alert> current, AlertDraft draft) {
		if (current.stream().noneMatch((alert) -> alert.type() == draft.type())) {
			this.journal.fire(evaluation, draft);
		}
	}

	/**
	 * Reason collection counts as failing.
	 *
	 * @param runs failed runs in a row, or {@code null} when the reason is staleness
	 * @param text title and message
	 */
	private record Failing(Double runs, AlertText text) {
	}

}
