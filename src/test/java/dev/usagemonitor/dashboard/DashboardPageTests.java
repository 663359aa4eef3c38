package dev.usagemonitor.dashboard;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;

import dev.usagemonitor.query.SeededApplicationTests;
import dev.usagemonitor.query.UsageScenario;

import static org.assertj.core.api.Assertions.assertThat;

class DashboardPageTests extends SeededApplicationTests {

	@Test
	void oneCardPerAccount() throws Exception {
		Document page = page("/");
		assertThat(page.select("article.account").eachAttr("id")).containsExactly("account-personal", "account-work");
		assertThat(page.select("article.account h2").eachText()).containsExactly("personal", "work");
	}

	@Test
	void gaugeShowsPercentBarResetAndProjection() throws Exception {
		Element weekly = window(page("/"), "personal", "Weekly (all models)");
		assertThat(weekly.hasClass("state-critical")).isTrue();
		assertThat(weekly.selectFirst(".value").text()).isEqualTo("91 %");
		assertThat(weekly.selectFirst(".bar").attr("aria-valuenow")).isEqualTo("91.0");
		assertThat(weekly.selectFirst(".bar .fill").attr("style")).isEqualTo("width: 91.0%");
		assertThat(weekly.selectFirst(".reset").text()).isEqualTo("resets Mon 13:00 CET, in 3 d 0 h");
		assertThat(weekly.selectFirst(".projection").text())
			.isEqualTo("At this pace 100 % at 14:28, before the reset at Mon 13:00.");
	}

	@Test
	void sessionLastsUntilReset() throws Exception {
		Element session = window(page("/"), "personal", "Session (5 hours)");
		assertThat(session.hasClass("state-ok")).isTrue();
		assertThat(session.selectFirst(".reset").text()).isEqualTo("resets 15:00 CET, in 2 h 00 min");
		assertThat(session.selectFirst(".projection").text())
			.isEqualTo("At this pace it lasts until the reset (about 78 %).");
	}

	@Test
	void overOneHundredIsDrawnAsOver() throws Exception {
		Element session = window(page("/"), "work", "Session (5 hours)");
		assertThat(session.hasClass("state-over")).isTrue();
		assertThat(session.selectFirst(".value").text()).isEqualTo("104 %");
		assertThat(session.selectFirst(".bar .fill").attr("style")).isEqualTo("width: 100.0%");
		assertThat(session.selectFirst(".over-mark")).isNotNull();
		assertThat(session.selectFirst(".projection").text()).isEqualTo("Limit reached: you can work again at 14:00.");
	}

	@Test
	void unknownAndNotStartedAreNotZero() throws Exception {
		Document page = page("/");
		Element opus = window(page, "personal", "Weekly (Opus)");
		assertThat(opus.hasClass("state-unknown")).isTrue();
		assertThat(opus.selectFirst(".value").text()).isEqualTo("unknown");
		assertThat(opus.selectFirst(".bar").hasAttr("aria-valuenow")).isFalse();
		Element fable = window(page, "personal", UsageScenario.MARKUP_LABEL);
		assertThat(fable.hasClass("state-not-started")).isTrue();
		assertThat(fable.selectFirst(".value").text()).isEqualTo("not started");
	}

	@Test
	void staleWindowShowsAge() throws Exception {
		Element session = window(page("/"), "work", "Weekly (all models)");
		assertThat(session.hasClass("stale")).isTrue();
		assertThat(session.selectFirst(".stale-mark").text()).isEqualTo("Stale: observed 3 h 00 min ago");
		assertThat(window(page("/"), "personal", "Weekly (all models)").selectFirst(".stale-mark")).isNull();
	}

	@Test
	void healthLineShowsOperatorHint() throws Exception {
		Document page = page("/");
		Element failing = page.selectFirst("#account-work .health");
		assertThat(failing.hasClass("failing")).isTrue();
		assertThat(failing.selectFirst(".summary").text()).startsWith("Collection failing (token refresh failed");
		assertThat(failing.selectFirst(".summary").text()).contains("Last successful collection 3 h 00 min ago.");
		assertThat(failing.selectFirst(".hint").text()).isEqualTo(UsageScenario.FAILURE_MESSAGE);
		Element ok = page.selectFirst("#account-personal .health");
		assertThat(ok.hasClass("ok")).isTrue();
		assertThat(ok.text()).isEqualTo("Collected 2 min ago.");
	}

	@Test
	void alertsListFiringFirst() throws Exception {
		Elements alerts = page("/").select("#account-personal .alerts li.alert");
		assertThat(alerts).hasSize(2);
		assertThat(alerts.get(0).hasClass("firing")).isTrue();
		assertThat(alerts.get(0).selectFirst(".badge").text()).isEqualTo("critical");
		assertThat(alerts.get(0).selectFirst(".when").text()).isEqualTo("since 12:30");
		assertThat(alerts.get(1).hasClass("resolved")).isTrue();
		assertThat(alerts.get(1).selectFirst(".when").text()).isEqualTo("Thu 10:00 to Thu 13:00");
	}

	@Test
	void chartDrawsLinesThresholdsAndResets() throws Exception {
		Element chart = page("/?range=30d").selectFirst("#history-personal");
		assertThat(chart.select("svg.chart g.series").eachAttr("data-label")).containsExactly("Session (5 hours)",
				"Weekly (all models)", UsageScenario.MARKUP_LABEL);
		assertThat(chart.select("svg.chart polyline.line")).isNotEmpty();
		assertThat(chart.select("svg.chart line.threshold").eachAttr("class")).containsExactly("threshold limit",
				"threshold critical", "threshold warning");
		assertThat(chart.select("g.series[data-label=Weekly (all models)] line.reset")).hasSizeBetween(4, 5);
		assertThat(chart.select("svg.chart text.tick").eachText()).contains("100 %", "4 Dec");
		assertThat(chart.select(".ranges a.current").text()).isEqualTo("30d");
	}

	@Test
	void rangeSwitcherWorksWithAndWithoutHtmx() throws Exception {
		Element link = page("/").selectFirst("#history-personal .ranges a:contains(7d)");
		assertThat(link.attr("href")).isEqualTo("/?range=7d&zone=Europe/Paris");
		assertThat(link.attr("hx-get")).isEqualTo("/fragments/history?account=personal&range=7d&zone=Europe/Paris");
		assertThat(link.attr("hx-target")).isEqualTo("#history-personal");
		Document fragment = page(link.attr("hx-get"));
		Element swapped = fragment.body().child(0);
		assertThat(swapped.id()).isEqualTo("history-personal");
		assertThat(swapped.select(".ranges a.current").text()).isEqualTo("7d");
		assertThat(fragment.select("html head link")).isEmpty();
	}

	@Test
	void cardsRefreshEveryMinute() throws Exception {
		Element live = page("/").selectFirst("#account-personal .live");
		assertThat(live.attr("hx-trigger")).isEqualTo("every 60s");
		assertThat(live.attr("hx-swap")).isEqualTo("outerHTML");
		Document fragment = page(live.attr("hx-get"));
		assertThat(fragment.body().child(0).hasClass("live")).isTrue();
		assertThat(fragment.select("li.window")).hasSize(5);
	}

	@Test
	void labelWithMarkupIsText() throws Exception {
		HttpResponse<String> response = get("/");
		assertThat(response.body()).doesNotContain("<b>Fable</b>").doesNotContain("<script>alert(1)");
		Element label = window(Jsoup.parse(response.body()), "personal", UsageScenario.MARKUP_LABEL)
			.selectFirst(".label");
		assertThat(label.text()).isEqualTo(UsageScenario.MARKUP_LABEL);
		assertThat(label.children()).isEmpty();
	}

	@Test
	void notificationsShowBrokenChannel() throws Exception {
		Element notifications = page("/").selectFirst("#notifications");
		assertThat(notifications.selectFirst(".outbox").hasClass("problem")).isTrue();
		assertThat(notifications.selectFirst(".outbox").text()).startsWith("1 delivered, 1 pending, 1 given up");
		assertThat(notifications.select("li.broken").text()).startsWith("old-hook (webhook) broken since 08:00")
			.contains("404 Not Found: no such webhook");
		Document fragment = page(notifications.attr("hx-get"));
		assertThat(fragment.body().child(0).id()).isEqualTo("notifications");
		assertThat(fragment.select("li.broken")).hasSize(1);
	}

	@Test
	void zoneParameterAndCookieChangeTimes() throws Exception {
		Element inTokyo = window(page("/?zone=Asia/Tokyo"), "personal", "Session (5 hours)");
		assertThat(inTokyo.selectFirst(".reset").text()).isEqualTo("resets 23:00 JST, in 2 h 00 min");
		HttpResponse<String> withCookie = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(uri("/")).header("Cookie", "usage_zone=America%2FNew_York").GET().build(),
					HttpResponse.BodyHandlers.ofString());
		Element inNewYork = window(Jsoup.parse(withCookie.body()), "personal", "Session (5 hours)");
		assertThat(inNewYork.selectFirst(".reset").text()).isEqualTo("resets 09:00 EST, in 2 h 00 min");
	}

	@Test
	void invalidRangeIsBadRequestPage() throws Exception {
		HttpResponse<String> response = get("/?range=5y");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(response.body()).selectFirst(".error").text())
			.isEqualTo("Invalid range '5y': use one of 24h, 7d, 30d, 90d, 1y");
	}

	@Test
	void pageUsesOnlyLocalAssets() throws Exception {
		Document page = page("/");
		assertThat(page.select("script[src]").eachAttr("src")).containsExactly("/webjars/htmx.org/dist/htmx.min.js",
				"/dashboard.js");
		assertThat(page.select("link[rel=stylesheet]").eachAttr("href")).containsExactly("/dashboard.css");
		for (String asset : new String[] { "/webjars/htmx.org/dist/htmx.min.js", "/dashboard.js", "/dashboard.css" }) {
			assertThat(get(asset).statusCode()).as(asset).isEqualTo(200);
		}
		assertThat(get("/").headers().firstValue("Content-Security-Policy"))
			.hasValueSatisfying((policy) -> assertThat(policy).contains("script-src 'self'"));
	}

	private Document page(String path) throws Exception {
		HttpResponse<String> response = get(path);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return Jsoup.parse(response.body());
	}

	private static Element window(Document page, String account, String label) {
		for (Element window : page.select("#account-" + account + " li.window")) {
			if (window.selectFirst(".label").text().equals(label)) {
				return window;
			}
		}
		throw new AssertionError("No window labelled " + label + " in the card of " + account);
	}

}
