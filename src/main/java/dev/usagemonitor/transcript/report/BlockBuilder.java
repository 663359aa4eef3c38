package dev.usagemonitor.transcript.report;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import dev.usagemonitor.transcript.pricing.PriceTable;

/**
 * Cuts responses, oldest first, into {@link UsageBlock}s.
 */
final class BlockBuilder {

	static final Duration BLOCK = Duration.ofHours(5);

	private final PriceTable prices;

	private final Instant now;

	private final List<UsageBlock> blocks = new ArrayList<>();

	private Instant start;

	private Instant first;

	private Instant last;

	private TokenTotals totals;

	private Set<String> models;

	BlockBuilder(PriceTable prices, Instant now) {
		this.prices = prices;
		this.now = now;
	}

	/**
	 * Returns the blocks of the responses, oldest first.
	 */
	List<UsageBlock> build(List<UsageGroup> responses) {
		for (UsageGroup response : responses) {
			Instant at = Instant.ofEpochMilli(response.firstAt());
			if (this.start == null || startsNewBlock(at)) {
				close();
				open(at);
			}
			this.last = at;
			this.totals.add(response, this.prices);
			this.models.add(response.model());
		}
		close();
		return this.blocks;
	}

	private boolean startsNewBlock(Instant at) {
		return Duration.between(this.start, at).compareTo(BLOCK) > 0
				|| Duration.between(this.last, at).compareTo(BLOCK) > 0;
	}

	private void open(Instant at) {
		this.start = at.truncatedTo(ChronoUnit.HOURS);
		this.first = at;
		this.totals = new TokenTotals();
		this.models = new TreeSet<>();
	}

	private void close() {
		if (this.start == null) {
			return;
		}
		Instant end = this.start.plus(BLOCK);
		boolean active = this.now.isBefore(end) && Duration.between(this.last, this.now).compareTo(BLOCK) < 0;
		UsageBlock.BurnRate rate = burnRate();
		UsageBlock.Projection projection = (active && rate != null) ? project(rate, end) : null;
		this.blocks.add(new UsageBlock(this.start, end, this.first, this.last, active,
				TokenSummary.of("block", this.totals), List.copyOf(this.models), rate, projection));
	}

	private UsageBlock.BurnRate burnRate() {
		double minutes = Duration.between(this.first, this.last).toMillis() / 60_000d;
		if (minutes <= 0) {
			return null;
		}
		Double cost = this.totals.costUsd();
		return new UsageBlock.BurnRate(this.totals.totalTokens() / minutes,
				(cost != null) ? cost / minutes * 60 : null);
	}

	private UsageBlock.Projection project(UsageBlock.BurnRate rate, Instant end) {
		double remaining = Math.max(0, Duration.between(this.now, end).toMillis() / 60_000d);
		long tokens = this.totals.totalTokens() + Math.round(rate.tokensPerMinute() * remaining);
		Double cost = this.totals.costUsd();
		Double projectedCost = (cost != null) ? cost + rate.costUsdPerHour() * remaining / 60 : null;
		return new UsageBlock.Projection(tokens, projectedCost);
	}

}
