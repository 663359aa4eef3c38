package dev.usagemonitor.transcript.report;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import dev.usagemonitor.collect.AccountRepository;
import dev.usagemonitor.config.MonitorProperties;
import dev.usagemonitor.transcript.pricing.PriceTable;

import org.springframework.stereotype.Service;

/**
 * Reads token usage reports: per day and model, per model, per session and per 5-hour
 * block. Days are calendar days in {@code monitor.zone}; costs come from the price table,
 * or from a response's own {@code costUSD} when it has one.
 */
@Service
public class TokenReportService {

	/** How far back the current block is searched for its start. */
	static final Duration CURRENT_BLOCK_LOOKBACK = Duration.ofHours(72);

	private final AccountRepository accounts;

	private final TokenUsageQueries queries;

	private final PriceTable prices;

	private final ZoneId zone;

	private final Clock clock;

	TokenReportService(AccountRepository accounts, TokenUsageQueries queries, PriceTable prices,
			MonitorProperties properties, Clock clock) {
		this.accounts = accounts;
		this.queries = queries;
		this.prices = prices;
		this.zone = properties.zone();
		this.clock = clock;
	}

	/**
	 * Returns the report of the last {@code days} days, today included.
	 */
	public TokenReport recent(String account, int days) {
		LocalDate today = LocalDate.now(this.clock.withZone(this.zone));
		return report(account, today.minusDays(Math.max(days, 1) - 1L), today);
	}

	/**
	 * Returns the report of the days {@code from} to {@code to}, both inclusive. An
	 * account without data gets empty lists.
	 */
	public TokenReport report(String account, LocalDate from, LocalDate to) {
		Optional<Long> accountId = this.accounts.findId(account);
		List<UsageGroup> groups = accountId
			.map((id) -> this.queries.byBucket(id, startOf(from), startOf(to.plusDays(1))))
			.orElse(List.of());
		Map<LocalDate, Map<String, TokenTotals>> byDay = new TreeMap<>();
		for (UsageGroup group : groups) {
			LocalDate date = Instant.ofEpochMilli(Long.parseLong(group.key()) * TokenUsageQueries.BUCKET_MILLIS)
				.atZone(this.zone)
				.toLocalDate();
			byDay.computeIfAbsent(date, (key) -> new TreeMap<>())
				.computeIfAbsent(group.model(), (key) -> new TokenTotals())
				.add(group, this.prices);
		}
		UsageBlock block = accountId.flatMap(this::currentBlock).orElse(null);
		return assemble(from, to, byDay, block);
	}

	/**
	 * Returns one summary per session with responses between the two days, both
	 * inclusive, most recent session first. The summary name is the session id.
	 */
	public List<TokenSummary> sessions(String account, LocalDate from, LocalDate to) {
		Optional<Long> accountId = this.accounts.findId(account);
		if (accountId.isEmpty()) {
			return List.of();
		}
		Map<String, TokenTotals> bySession = new TreeMap<>();
		Map<String, Long> lastAt = new TreeMap<>();
		for (UsageGroup group : this.queries.bySession(accountId.get(), startOf(from), startOf(to.plusDays(1)))) {
			bySession.computeIfAbsent(group.key(), (key) -> new TokenTotals()).add(group, this.prices);
			lastAt.merge(group.key(), group.lastAt(), Math::max);
		}
		List<TokenSummary> summaries = new ArrayList<>();
		bySession.forEach((session, totals) -> summaries.add(TokenSummary.of(session, totals)));
		summaries.sort((a, b) -> Long.compare(lastAt.get(b.name()), lastAt.get(a.name())));
		return summaries;
	}

	/**
	 * Returns the 5-hour blocks of the responses in {@code [from, to)}, oldest first.
	 * Blocks are chained from the first response at or after {@code from}.
	 */
	public List<UsageBlock> blocks(String account, Instant from, Instant to) {
		return this.accounts.findId(account)
			.map((id) -> new BlockBuilder(this.prices, this.clock.instant())
				.build(this.queries.responses(id, from.toEpochMilli(), to.toEpochMilli())))
			.orElse(List.of());
	}

	/**
	 * Returns the active 5-hour block of an account, if one is running.
	 */
	public Optional<UsageBlock> currentBlock(String account) {
		return this.accounts.findId(account).flatMap(this::currentBlock);
	}

	// NOTE: blocks are chained from the first response of the last 72 hours, so use
	// without a 5-hour pause for longer than that can put the current block start off by
	// up to 4 hours.
	private Optional<UsageBlock> currentBlock(long accountId) {
		Instant now = this.clock.instant();
		List<UsageGroup> responses = this.queries.responses(accountId, now.minus(CURRENT_BLOCK_LOOKBACK).toEpochMilli(),
				now.toEpochMilli() + 1);
		List<UsageBlock> blocks = new BlockBuilder(this.prices, now).build(responses);
		return blocks.isEmpty() ? Optional.empty()
				: Optional.of(blocks.get(blocks.size() - 1)).filter(UsageBlock::active);
	}

	private TokenReport assemble(LocalDate from, LocalDate to, Map<LocalDate, Map<String, TokenTotals>> byDay,
			UsageBlock block) {
		List<DailyTokens> daily = new ArrayList<>();
		List<TokenSummary> days = new ArrayList<>();
		Map<String, TokenTotals> byModel = new TreeMap<>();
		TokenTotals total = new TokenTotals();
		byDay.forEach((date, models) -> {
			TokenTotals day = new TokenTotals();
			models.forEach((model, totals) -> {
				daily.add(DailyTokens.of(date, model, totals));
				byModel.computeIfAbsent(model, (key) -> new TokenTotals()).add(totals);
				day.add(totals);
			});
			days.add(TokenSummary.of(date.toString(), day));
			total.add(day);
		});
		List<TokenSummary> models = new ArrayList<>();
		Set<String> unpriced = new TreeSet<>();
		byModel.forEach((model, totals) -> {
			models.add(TokenSummary.of(model, totals));
			if (totals.unpricedTokens > 0) {
				unpriced.add(model);
			}
		});
		return new TokenReport(this.zone, from, to, daily, days, models, TokenSummary.of("total", total), block,
				total.unpricedTokens == 0, unpriced, this.prices.source());
	}

	private long startOf(LocalDate date) {
		return date.atStartOfDay(this.zone).toInstant().toEpochMilli();
	}

}
