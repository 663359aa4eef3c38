package dev.usagemonitor.dashboard;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;

import dev.usagemonitor.config.MonitorProperties;
import dev.usagemonitor.query.DashboardProperties;
import dev.usagemonitor.query.InvalidQueryException;
import dev.usagemonitor.query.QueryRange;
import dev.usagemonitor.query.UsageQuery;
import dev.usagemonitor.query.UsageQueryService;
import dev.usagemonitor.query.UsageReport;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The dashboard page at {@code GET /} and the fragments that htmx swaps into it: the live
 * part of an account card (refreshed every minute), an account's chart (swapped by the
 * range switcher) and the notification block.
 */
@Controller
class DashboardController {

	/** Cookie in which the page's script stores the browser's time zone. */
	static final String ZONE_COOKIE = "usage_zone";

	private final UsageQueryService service;

	private final DashboardViews views;

	private final ZoneId defaultZone;

	private final boolean tokenRequired;

	private final Clock clock;

	DashboardController(UsageQueryService service, DashboardViews views, MonitorProperties monitor,
			DashboardProperties dashboard, Clock clock) {
		this.service = service;
		this.views = views;
		this.defaultZone = monitor.zone();
		this.tokenRequired = dashboard.tokenRequired();
		this.clock = clock;
	}

	@GetMapping("/")
	String page(@RequestParam Map<String, String> parameters,
			@CookieValue(name = ZONE_COOKIE, required = false) String zoneCookie, Model model) {
		UsageQuery query = query(parameters, zoneCookie);
		model.addAttribute("page", this.views.page(this.service.report(query), query.range(), this.tokenRequired));
		return "pages/dashboard";
	}

	@GetMapping("/fragments/live")
	String live(@RequestParam Map<String, String> parameters,
			@CookieValue(name = ZONE_COOKIE, required = false) String zoneCookie, Model model) {
		UsageQuery query = query(parameters, zoneCookie);
		UsageReport report = this.service.report(requireAccount(query));
		model.addAttribute("account",
				this.views.account(report.accounts().get(0), report, query.range(), DashboardViews.times(report)));
		return "fragments/live";
	}

	@GetMapping("/fragments/history")
	String history(@RequestParam Map<String, String> parameters,
			@CookieValue(name = ZONE_COOKIE, required = false) String zoneCookie, Model model) {
		UsageQuery query = query(parameters, zoneCookie);
		UsageReport report = this.service.report(requireAccount(query));
		model.addAttribute("chart",
				this.views.chart(report.accounts().get(0), report, query.range(), DashboardViews.times(report)));
		return "fragments/chart";
	}

	@GetMapping("/fragments/notifications")
	String notifications(@RequestParam Map<String, String> parameters,
			@CookieValue(name = ZONE_COOKIE, required = false) String zoneCookie, Model model) {
		UsageQuery query = query(parameters, zoneCookie);
		TimeFormats times = new TimeFormats(query.zone(), this.clock.instant());
		model.addAttribute("notifications", DashboardViews.notifications(this.service.notifications(), times));
		model.addAttribute("url", DashboardViews.notificationsUrl(query.zone().getId()));
		return "fragments/notifications";
	}

	@ExceptionHandler(InvalidQueryException.class)
	String invalidQuery(InvalidQueryException ex, HttpServletResponse response, Model model) {
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		model.addAttribute("message", ex.getMessage());
		return "pages/error";
	}

	private UsageQuery query(Map<String, String> parameters, String zoneCookie) {
		return UsageQuery.of(parameters, cookieZone(zoneCookie));
	}

	private ZoneId cookieZone(String zoneCookie) {
		if (zoneCookie == null || zoneCookie.isBlank()) {
			return this.defaultZone;
		}
		try {
			return UsageQuery.parseZone(zoneCookie);
		}
		catch (InvalidQueryException ex) {
			return this.defaultZone;
		}
	}

	private static UsageQuery requireAccount(UsageQuery query) {
		if (query.account() == null) {
			throw new InvalidQueryException("account", "", "the name of an account shown on the page");
		}
		return query;
	}

}
