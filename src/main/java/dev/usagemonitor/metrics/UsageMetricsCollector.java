package dev.usagemonitor.metrics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.usagemonitor.collect.AccountRepository.StoredAccount;
import dev.usagemonitor.query.UsageQueryService;
import dev.usagemonitor.query.UsageReport.WindowUsage;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Exposes the stored usage at {@code /actuator/prometheus}, read from the database at
 * every scrape: gauges per account and window (absent when the value is unknown) and
 * counters of failed collections and sent notifications. Labels are the account name, the
 * window id, the window kind, the fetch error reason, the channel name and the
 * notification outcome, all of which stay few.
 */
@Component
class UsageMetricsCollector implements MultiCollector {

	private final UsageQueryService service;

	private final StoredCounts counts;

	UsageMetricsCollector(UsageQueryService service, StoredCounts counts, ObjectProvider<PrometheusRegistry> registry) {
		this.service = service;
		this.counts = counts;
		registry.ifAvailable((prometheus) -> prometheus.register(this));
	}

	@Override
	public MetricSnapshots collect() {
		Map<StoredAccount, List<WindowUsage>> latest = this.service.latestWindows();
		List<MetricSnapshot> snapshots = new ArrayList<>();
		snapshots.add(windowGauge("claude_usage_utilization_ratio",
				"Utilization of a usage window as reported, 0 to 1; may exceed 1", latest,
				(window) -> ratio(window.utilization())));
		snapshots.add(windowGauge("claude_usage_reset_timestamp_seconds",
				"Unix time at which the current window instance resets", latest,
				(window) -> seconds(window.resetsAt())));
		snapshots.add(windowGauge("claude_usage_projected_utilization_ratio",
				"Utilization expected at the reset at the current pace", latest,
				(window) -> ratio(window.projectedUtilizationAtReset())));
		snapshots.add(windowGauge("claude_usage_exhaustion_timestamp_seconds",
				"Unix time at which the window reaches 100 % before its reset at the current pace", latest,
				(window) -> seconds(window.projectedExhaustionAt())));
		snapshots.add(lastSuccess(latest));
		snapshots.add(counter("claude_usage_fetch_errors", "Failed collection attempts", "account", "reason",
				this.counts.fetchErrors()));
		snapshots.add(counter("claude_usage_notifications", "Notifications by final outcome", "channel", "outcome",
				this.counts.notifications()));
		return new MetricSnapshots(snapshots);
	}

	private static GaugeSnapshot windowGauge(String name, String help, Map<StoredAccount, List<WindowUsage>> latest,
			java.util.function.Function<WindowUsage, Double> value) {
		GaugeSnapshot.Builder gauge = GaugeSnapshot.builder().name(name).help(help);
		latest.forEach((account, windows) -> windows.forEach((window) -> {
			Double number = value.apply(window);
			if (number != null) {
				gauge.dataPoint(GaugeDataPointSnapshot.builder()
					.labels(Labels.of("account", account.name(), "window", window.id(), "kind", window.kind()))
					.value(number)
					.build());
			}
		}));
		return gauge.build();
	}

	private GaugeSnapshot lastSuccess(Map<StoredAccount, List<WindowUsage>> latest) {
		GaugeSnapshot.Builder gauge = GaugeSnapshot.builder()
			.name("claude_usage_last_success_timestamp_seconds")
			.help("Unix time of the latest successful collection or pushed observation of an account");
		latest.forEach((account, windows) -> {
			Instant newest = this.service.lastSuccessAt(account.id());
			for (WindowUsage window : windows) {
				newest = (newest == null || window.observedAt().isAfter(newest)) ? window.observedAt() : newest;
			}
			if (newest != null) {
				gauge.dataPoint(GaugeDataPointSnapshot.builder()
					.labels(Labels.of("account", account.name(), "source", account.source()))
					.value(seconds(newest))
					.build());
			}
		});
		return gauge.build();
	}

	private static CounterSnapshot counter(String name, String help, String firstLabel, String secondLabel,
			Map<List<String>, Long> values) {
		CounterSnapshot.Builder counter = CounterSnapshot.builder().name(name).help(help);
		values.forEach((key,
				value) -> counter.dataPoint(CounterDataPointSnapshot.builder()
					.labels(Labels.of(firstLabel, key.get(0), secondLabel, key.get(1)))
					.value(value)
					.build()));
		return counter.build();
	}

	private static Double ratio(Double percent) {
		return (percent != null) ? percent / 100 : null;
	}

	private static Double seconds(Instant instant) {
		return (instant != null) ? instant.toEpochMilli() / 1000.0 : null;
	}

}
