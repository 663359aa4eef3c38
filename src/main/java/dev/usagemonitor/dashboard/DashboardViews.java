package dev.usagemonitor.dashboard;

import java.util.ArrayList;
import java.util.List;

import dev.usagemonitor.dashboard.ChartView.RangeLink;
import dev.usagemonitor.dashboard.PageView.AccountView;
import dev.usagemonitor.dashboard.PageView.AlertView;
import dev.usagemonitor.dashboard.PageView.HealthView;
import dev.usagemonitor.dashboard.PageView.NotificationView;
import dev.usagemonitor.query.QueryRange;
import dev.usagemonitor.query.UsageReport;
import dev.usagemonitor.query.UsageReport.AccountUsage;
import dev.usagemonitor.query.UsageReport.AlertEntry;
import dev.usagemonitor.query.UsageReport.NotificationState;

import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Turns a usage report into the views of the page and its fragments.
 */
@Component
class DashboardViews {

	private final Thresholds thresholds;

	DashboardViews(Thresholds thresholds) {
		this.thresholds = thresholds;
	}

	PageView page(UsageReport report, QueryRange range, boolean tokenRequired) {
		TimeFormats times = times(report);
		List<AccountView> accounts = report.accounts()
			.stream()
			.map((account) -> account(account, report, range, times))
			.toList();
		return new PageView(times.time(report.generatedAt()) + " " + times.zoneName(), report.zone(), accounts,
				notifications(report.notifications(), times), notificationsUrl(report.zone()), tokenRequired);
	}

	AccountView account(AccountUsage account, UsageReport report, QueryRange range, TimeFormats times) {
		List<WindowView> windows = account.windows()
			.stream()
			.map((window) -> WindowView.of(window, times, this.thresholds))
			.toList();
		List<AlertView> alerts = account.alerts().stream().map((alert) -> alert(alert, times)).toList();
		return new AccountView(account.name(), "account-" + account.name(),
				url("/fragments/live", account.name(), null, report), health(account, times), windows,
				chart(account, report, range, times), alerts);
	}

	ChartView chart(AccountUsage account, UsageReport report, QueryRange range, TimeFormats times) {
		List<RangeLink> links = new ArrayList<>();
		for (QueryRange option : QueryRange.values()) {
			links.add(new RangeLink(option.code(), url("/", null, option, report),
					url("/fragments/history", account.name(), option, report), option == range));
		}
		String title = "Utilization of " + account.name() + " over " + range.code();
		return ChartBuilder.build("history-" + account.name(), title, account.history(), links, this.thresholds, times,
				range.length());
	}

	static TimeFormats times(UsageReport report) {
		return new TimeFormats(java.time.ZoneId.of(report.zone()), report.generatedAt());
	}

	private static HealthView health(AccountUsage account, TimeFormats times) {
		String success = (account.lastSuccessAt() != null)
				? "Last successful collection " + times.ago(account.lastSuccessAt()) + "."
				: "No successful collection yet.";
		if (account.lastScrape() == null) {
			return new HealthView(false, "Not collected yet.", "Wait for the next cycle or run POST / once.");
		}
		if ("ok".equals(account.lastScrape().status())) {
			return new HealthView(true, "Collected " + times.ago(account.lastScrape().at()) + ".", "");
		}
		return new HealthView(false, "Collection failing (" + account.lastScrape().status().replace('_', ' ') + ", "
				+ times.ago(account.lastScrape().at()) + "). " + success, account.lastScrape().message());
	}

	private static AlertView alert(AlertEntry alert, TimeFormats times) {
		boolean firing = "firing".equals(alert.state());
		String when = firing ? "since " + times.time(alert.startedAt())
				: times.time(alert.startedAt()) + " to " + times.time(alert.resolvedAt());
		return new AlertView(firing, alert.level(), alert.message(), when);
	}

	static String notificationsUrl(String zone) {
		return url("/fragments/notifications", null, null, zone);
	}

	static NotificationView notifications(NotificationState state, TimeFormats times) {
		var outbox = state.outbox();
		String summary = outbox.delivered() + " delivered, " + outbox.pending() + " pending, " + outbox.givenUp()
				+ " given up, " + outbox.suppressed() + " suppressed";
		if (state.oldestPendingAt() != null) {
			summary += "; oldest pending since " + times.time(state.oldestPendingAt());
		}
		List<String> broken = state.brokenChannels()
			.stream()
			.map((channel) -> channel.name() + " (" + channel.type() + ") broken since "
					+ times.time(channel.brokenAt()) + ": " + channel.reason() + " - fix its configuration to resume")
			.toList();
		return new NotificationView(summary, !broken.isEmpty() || outbox.givenUp() > 0, broken);
	}

	private static String url(String path, String account, QueryRange range, UsageReport report) {
		return url(path, account, range, report.zone());
	}

	private static String url(String path, String account, QueryRange range, String zone) {
		UriComponentsBuilder builder = UriComponentsBuilder.fromPath(path);
		if (account != null) {
			builder.queryParam("account", account);
		}
		if (range != null) {
			builder.queryParam("range", range.code());
		}
		builder.queryParam("zone", zone);
		return builder.encode().build().toUriString();
	}

}
