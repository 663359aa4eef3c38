package dev.usagemonitor.query;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.usagemonitor.collect.Observation;
import dev.usagemonitor.collect.Spend;
import dev.usagemonitor.collect.UsageWindow;
import dev.usagemonitor.query.UsageReadRepository.Sample;
import dev.usagemonitor.query.UsageReport.SpendAmount;
import dev.usagemonitor.query.UsageReport.WindowUsage;

/**
 * Turns a stored observation into a report window: its age, whether it is stale, and its
 * projection. Stale windows get no projection, because an old pace does not predict the
 * current one.
 *
 * @param staleAfter age after which an observation is stale
 */
record WindowUsages(Duration staleAfter) {

	WindowUsage of(Observation observation, List<Sample> samples, Instant now) {
		UsageWindow window = observation.window();
		Duration age = Duration.between(observation.observedAt(), now);
		boolean stale = age.compareTo(this.staleAfter) > 0;
		Projection projection = stale ? Projection.NONE : Projection.of(observation, samples);
		return new WindowUsage(window.id(), window.kind().code(), window.label(), window.utilization(),
				window.resetsAt(), observation.observedAt(), observation.source(), Math.max(age.toSeconds(), 0), stale,
				window.notStarted(), spend(window.spend()), projection.burnRatePerHour(), projection.atReset(),
				projection.exhaustionAt());
	}

	private static SpendAmount spend(Spend spend) {
		return (spend != null) ? new SpendAmount(spend.used(), spend.cap(), spend.currency()) : null;
	}

}
