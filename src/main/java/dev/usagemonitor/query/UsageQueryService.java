package dev.usagemonitor.query;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.usagemonitor.collect.AccountRepository;
import dev.usagemonitor.collect.AccountRepository.StoredAccount;
import dev.usagemonitor.collect.CollectionRun;
import dev.usagemonitor.collect.CollectionRunRepository;
import dev.usagemonitor.collect.Observation;
import dev.usagemonitor.collect.ObservationRepository;
import dev.usagemonitor.config.MonitorProperties;
import dev.usagemonitor.query.UsageReadRepository.Sample;
import dev.usagemonitor.query.UsageReport.AccountUsage;
import dev.usagemonitor.query.UsageReport.History;
import dev.usagemonitor.query.UsageReport.LastScrape;
import dev.usagemonitor.query.UsageReport.NotificationState;
import dev.usagemonitor.query.UsageReport.WindowUsage;

import org.springframework.stereotype.Service;

/**
 * Builds the usage report behind {@code queryUsage} and the dashboard from the stored
 * observations, collection runs, alerts and outbox.
 */
@Service
public class UsageQueryService {

	/** How long resolved alerts stay in the report. */
	static final Duration RESOLVED_ALERTS = Duration.ofDays(7);

	private final AccountRepository accounts;

	private final ObservationRepository observations;

	private final CollectionRunRepository runs;

	private final UsageReadRepository reads;

	private final UsageHistory history;

	private final WindowUsages windows;

	private final Clock clock;

	UsageQueryService(AccountRepository accounts, ObservationRepository observations, CollectionRunRepository runs,
			UsageReadRepository reads, UsageHistory history, MonitorProperties monitor, DashboardProperties dashboard,
			Clock clock) {
		this.accounts = accounts;
		this.observations = observations;
		this.runs = runs;
		this.reads = reads;
		this.history = history;
		this.windows = new WindowUsages(staleAfter(monitor, dashboard));
		this.clock = clock;
	}

	/**
	 * Builds the report of one account or of all accounts.
	 * @throws InvalidQueryException when the query names an account that has no data
	 */
	public UsageReport report(UsageQuery query) {
		Instant now = this.clock.instant();
		List<AccountUsage> selected = select(query.account()).stream()
			.map((account) -> account(account, query.range(), now))
			.toList();
		return new UsageReport(now, query.range().code(), query.zone().getId(), selected, this.reads.notifications());
	}

	/**
	 * Returns the outbox counts and the broken channels.
	 */
	public NotificationState notifications() {
		return this.reads.notifications();
	}

	/**
	 * Returns the latest windows of every account without history or alerts, for the
	 * metrics endpoint.
	 */
	public Map<StoredAccount, List<WindowUsage>> latestWindows() {
		Instant now = this.clock.instant();
		return this.accounts.findAll()
			.stream()
			.collect(Collectors.toMap((account) -> account, (account) -> windows(account.id(), now), (a, b) -> a,
					java.util.LinkedHashMap::new));
	}

	/**
	 * Returns the end of the latest successful collection of an account, or {@code null}.
	 */
	public Instant lastSuccessAt(long accountId) {
		return this.runs.findLatestSuccess(accountId).map(CollectionRun::finishedAt).orElse(null);
	}

	private List<StoredAccount> select(String name) {
		List<StoredAccount> all = this.accounts.findAll();
		if (name == null) {
			return all;
		}
		List<StoredAccount> named = all.stream().filter((account) -> account.name().equals(name)).toList();
		if (named.isEmpty()) {
			String known = all.isEmpty() ? "(no account has data yet)"
					: all.stream().map(StoredAccount::name).collect(Collectors.joining(", "));
			throw new InvalidQueryException("account", name, known);
		}
		return named;
	}

	private AccountUsage account(StoredAccount account, QueryRange range, Instant now) {
		List<WindowUsage> latest = windows(account.id(), now);
		Map<String, String> labels = latest.stream()
			.collect(Collectors.toMap(WindowUsage::id, WindowUsage::label, (a, b) -> a));
		History chart = this.history.read(account.id(), range, now, labels);
		LastScrape lastScrape = this.runs.findLatest(account.id())
			.map((run) -> new LastScrape(run.finishedAt(), run.status().code(), run.message()))
			.orElse(null);
		return new AccountUsage(account.name(), account.source(), lastScrape, lastSuccessAt(account.id()), latest,
				chart, this.reads.alerts(account.id(), now.minus(RESOLVED_ALERTS)));
	}

	private List<WindowUsage> windows(long accountId, Instant now) {
		List<Observation> latest = this.observations.findLatest(accountId);
		List<Sample> samples = this.reads.recentSamples(accountId,
				now.minus(this.windows.staleAfter()).minus(Projection.LOOKBACK));
		return latest.stream().map((observation) -> this.windows.of(observation, samples, now)).toList();
	}

	private static Duration staleAfter(MonitorProperties monitor, DashboardProperties dashboard) {
		return (dashboard.staleAfter() != null) ? dashboard.staleAfter() : monitor.cycleInterval().multipliedBy(3);
	}

}
