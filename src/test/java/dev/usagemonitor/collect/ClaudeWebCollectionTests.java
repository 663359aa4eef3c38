package dev.usagemonitor.collect;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.usagemonitor.config.ConfiguredAccounts;
import dev.usagemonitor.support.Fixtures;
import dev.usagemonitor.support.StubServer.RecordedRequest;
import dev.usagemonitor.support.StubServer.StubResponse;
import dev.usagemonitor.support.StubbedMonitorTests;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class ClaudeWebCollectionTests extends StubbedMonitorTests {

	private static final String TEAM_ORG = "00000000-0000-4000-8000-00000000000b";

	@Autowired
	UsageCollector collector;

	@Autowired
	ConfiguredAccounts accounts;

	@Test
	void singleOrganizationIsChosen() {
		stub.on(ORGANIZATIONS_PATH, StubResponse.fixture(200, "claude-orgs-single.json"));
		stub.on(MAX_USAGE_PATH, StubResponse.fixture(200, "claude-usage-2026.json"));
		int before = requestCount();
		CollectionResult result = collect("web-auto");
		assertThat(result.status()).isEqualTo(CollectionStatus.OK);
		assertThat(result.windows()).extracting(UsageWindow::id)
			.containsExactly("five_hour", "seven_day", "seven_day_sonnet", "nimbus_quill", "weekly_scoped:fable");
		List<RecordedRequest> requests = stub.requests().subList(before, requestCount());
		assertThat(requests).extracting(RecordedRequest::path).containsExactly(ORGANIZATIONS_PATH, MAX_USAGE_PATH);
		assertThat(requests).allSatisfy((request) -> {
			assertThat(request.header("cookie")).isEqualTo("sessionKey=" + WEB_AUTO_KEY);
			assertThat(request.header("accept")).isEqualTo("application/json");
		});
	}

	@Test
	void maxOrganizationIsChosenAmongSeveral() {
		stub.on(ORGANIZATIONS_PATH, StubResponse.fixture(200, "claude-orgs-multi.json"));
		stub.on(MAX_USAGE_PATH, StubResponse.fixture(200, "claude-usage-legacy.json"));
		CollectionResult result = collect("web-auto");
		assertThat(result.status()).isEqualTo(CollectionStatus.OK);
		assertThat(result.windows()).hasSize(3);
		assertThat(result.payloads()).extracting(RawPayloadRepository.RawPayload::endpoint)
			.containsExactly("GET " + stub.baseUrl() + ORGANIZATIONS_PATH, "GET " + stub.baseUrl() + MAX_USAGE_PATH);
	}

	@Test
	void pinnedOrganizationSkipsTheList() {
		stub.on(MAX_USAGE_PATH, StubResponse.fixture(200, "claude-usage-extra-usage.json"));
		int before = requestCount();
		CollectionResult result = collect("web-pinned");
		assertThat(result.status()).isEqualTo(CollectionStatus.OK);
		assertThat(result.windows()).extracting(UsageWindow::id).contains("extra_usage");
		assertThat(stub.requests().subList(before, requestCount())).extracting(RecordedRequest::path)
			.containsExactly(MAX_USAGE_PATH);
	}

	@Test
	void severalMaxOrganizationsAreAmbiguous() {
		String orgs = Fixtures.text("claude-orgs-multi.json").replace("\"raven\",", "\"claude_max\",");
		stub.on(ORGANIZATIONS_PATH, StubResponse.json(200, orgs));
		CollectionResult result = collect("web-auto");
		assertThat(result.status()).isEqualTo(CollectionStatus.ORGANIZATION_AMBIGUOUS);
		assertThat(result.message()).contains(TEAM_ORG + " (Example Corp)")
			.contains(MAX_ORG + " (user@example.com's Organization)")
			.doesNotContain("00000000-0000-4000-8000-00000000000c")
			.contains("monitor.accounts[0].organization-id");
		assertThat(result.windows()).isEmpty();
	}

	@Test
	void noMaxOrganizationIsAmbiguous() {
		String orgs = Fixtures.text("claude-orgs-multi.json").replace("\"claude_max\"", "\"chat\"");
		stub.on(ORGANIZATIONS_PATH, StubResponse.json(200, orgs));
		CollectionResult result = collect("web-auto");
		assertThat(result.status()).isEqualTo(CollectionStatus.ORGANIZATION_AMBIGUOUS);
		assertThat(result.message()).contains(TEAM_ORG, MAX_ORG, "00000000-0000-4000-8000-00000000000c");
	}

	@Test
	void cloudflareChallengeIsRecognised() {
		stub.on(MAX_USAGE_PATH,
				StubResponse.status(403)
					.header("Content-Type", "text/html; charset=UTF-8")
					.header("cf-mitigated", "challenge")
					.body(Fixtures.text("cloudflare-challenge.html")));
		CollectionResult result = collect("web-pinned");
		assertThat(result.status()).isEqualTo(CollectionStatus.CLOUDFLARE_CHALLENGE);
		assertThat(result.httpStatus()).isEqualTo(403);
		assertThat(result.message()).contains("credentials are not the problem");
		assertThat(result.payloads()).singleElement()
			.satisfies((payload) -> assertThat(payload.body()).contains("Just a moment..."));
	}

	@Test
	void challengePageWithoutHeaderIsRecognised() {
		stub.on(MAX_USAGE_PATH, StubResponse.status(503).body(Fixtures.text("cloudflare-challenge.html")));
		assertThat(collect("web-pinned").status()).isEqualTo(CollectionStatus.CLOUDFLARE_CHALLENGE);
	}

	@Test
	void otherHtmlPagesAreNotChallenges() {
		stub.on(MAX_USAGE_PATH, StubResponse.status(502).body("<html><title>Bad gateway</title></html>"));
		assertThat(collect("web-pinned").status()).isEqualTo(CollectionStatus.SERVER_ERROR);
		stub.on(MAX_USAGE_PATH, StubResponse.status(200).body("<!doctype html><title>Claude</title><div id=root>"));
		CollectionResult shell = collect("web-pinned");
		assertThat(shell.status()).isEqualTo(CollectionStatus.FORMAT_CHANGED);
		assertThat(shell.message()).contains("HTML page titled 'Claude'");
	}

	@Test
	void invalidSessionIsSessionExpired() {
		stub.on(MAX_USAGE_PATH, StubResponse.fixture(403, "error-403-permission.json"));
		CollectionResult result = collect("web-pinned");
		assertThat(result.status()).isEqualTo(CollectionStatus.SESSION_EXPIRED);
		assertThat(result.message()).contains("monitor.accounts[1].session-key");
	}

	@Test
	void forbiddenOrganizationIsNotSessionExpiry() {
		stub.on(MAX_USAGE_PATH, StubResponse.json(403, """
				{"type":"error","error":{"type":"permission_error","message":"Invalid authorization for organization",
				"details":{"error_visibility":"user_facing"}},"request_id":"req_011C"}
				"""));
		CollectionResult result = collect("web-pinned");
		assertThat(result.status()).isEqualTo(CollectionStatus.ORGANIZATION_FORBIDDEN);
		assertThat(result.message()).contains("Invalid authorization for organization")
			.contains("monitor.accounts[1].organization-id");
	}

	@Test
	void rateLimitIsRateLimited() {
		stub.on(MAX_USAGE_PATH, StubResponse.fixture(429, "error-429.json").header("retry-after", "0"));
		CollectionResult result = collect("web-pinned");
		assertThat(result.status()).isEqualTo(CollectionStatus.RATE_LIMITED);
		assertThat(result.httpStatus()).isEqualTo(429);
	}

	@Test
	void serverErrorIsServerError() {
		stub.on(MAX_USAGE_PATH, StubResponse.json(500, "{\"type\":\"error\",\"error\":{\"type\":\"api_error\"}}"));
		CollectionResult result = collect("web-pinned");
		assertThat(result.status()).isEqualTo(CollectionStatus.SERVER_ERROR);
		assertThat(result.message()).contains("HTTP 500 api_error");
	}

	@Test
	void unknownAnswerIsFormatChange() {
		stub.on(MAX_USAGE_PATH, StubResponse.json(200, "{\"message_count\":3,\"message_limit\":40}"));
		CollectionResult result = collect("web-pinned");
		assertThat(result.status()).isEqualTo(CollectionStatus.FORMAT_CHANGED);
		assertThat(result.windows()).isEmpty();
		assertThat(result.payloads()).singleElement()
			.satisfies((payload) -> assertThat(payload.body()).contains("message_count"));
	}

	@Test
	void regionRedirectIsReported() {
		stub.on(MAX_USAGE_PATH,
				StubResponse.status(302).header("Location", "https://claude.ai/app-unavailable-in-region"));
		CollectionResult result = collect("web-pinned");
		assertThat(result.status()).isEqualTo(CollectionStatus.CLOUDFLARE_CHALLENGE);
		assertThat(result.message()).contains("app-unavailable-in-region");
	}

	@Test
	void slowAnswerIsNetworkError() {
		stub.on(MAX_USAGE_PATH,
				StubResponse.fixture(200, "claude-usage-2026.json").delayed(java.time.Duration.ofMillis(2500)));
		CollectionResult result = collect("web-pinned");
		assertThat(result.status()).isEqualTo(CollectionStatus.NETWORK_ERROR);
		assertThat(result.message()).contains("within 2 s");
		assertThat(result.httpStatus()).isNull();
	}

	private CollectionResult collect(String name) {
		return this.collector.collect(this.accounts.find(name).orElseThrow());
	}

}
