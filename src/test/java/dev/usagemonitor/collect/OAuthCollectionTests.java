package dev.usagemonitor.collect;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.usagemonitor.config.Account;
import dev.usagemonitor.config.ConfiguredAccounts;
import dev.usagemonitor.support.StubServer.RecordedRequest;
import dev.usagemonitor.support.StubServer.StubResponse;
import dev.usagemonitor.support.StubbedMonitorTests;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class OAuthCollectionTests extends StubbedMonitorTests {

	private static final String SCOPE_ERROR = """
			{"type":"error","error":{"type":"permission_error",
			"message":"OAuth token does not meet scope requirement user:profile"},"request_id":null}
			""";

	@Autowired
	UsageCollector collector;

	@Autowired
	ConfiguredAccounts accounts;

	@Autowired
	OAuthTokenStore tokenStore;

	@Autowired
	JsonMapper json;

	@Test
	void validTokenReadsUsage() {
		stub.on(OAUTH_USAGE_PATH, StubResponse.fixture(200, "oauth-usage.json"));
		int before = requestCount();
		CollectionResult result = collect("oauth-main");
		assertThat(result.status()).isEqualTo(CollectionStatus.OK);
		assertThat(result.windows()).extracting(UsageWindow::id)
			.containsExactly("five_hour", "seven_day", "weekly_scoped:fable");
		RecordedRequest request = requestsSince(before).get(0);
		assertThat(request.path()).isEqualTo(OAUTH_USAGE_PATH);
		assertThat(request.header("authorization")).isEqualTo("Bearer " + MAIN_ACCESS);
		assertThat(request.header("anthropic-beta")).isEqualTo("oauth-2025-04-20");
	}

	@Test
	void expiredTokenIsRefreshedStoredThenUsed() {
		stub.on(TOKEN_PATH, StubResponse.fixture(200, "oauth-token-refresh-response.json"));
		stub.on(OAUTH_USAGE_PATH, StubResponse.fixture(200, "oauth-usage.json"));
		int before = requestCount();
		CollectionResult result = collect("oauth-expired");
		assertThat(result.status()).isEqualTo(CollectionStatus.OK);
		List<RecordedRequest> requests = requestsSince(before);
		assertThat(requests).extracting(RecordedRequest::path).containsExactly(TOKEN_PATH, OAUTH_USAGE_PATH);
		JsonNode grant = this.json.readTree(requests.get(0).bodyText());
		assertThat(grant.path("grant_type").asString()).isEqualTo("refresh_token");
		assertThat(grant.path("refresh_token").asString()).isEqualTo(EXPIRED_REFRESH);
		assertThat(grant.path("client_id").asString()).isEqualTo("9d1c250a-e61b-44d9-88ed-5944d1962f5e");
		assertThat(requests.get(1).header("authorization")).isEqualTo("Bearer " + ROTATED_ACCESS);
		Map<String, Object> stored = storedTokens(result.accountId());
		assertThat(stored).containsEntry("access_token", ROTATED_ACCESS)
			.containsEntry("refresh_token", ROTATED_REFRESH)
			.containsEntry("expires_at", START.plus(Duration.ofHours(8)).toEpochMilli());
	}

	@Test
	void storedPairWinsOverConfiguredPair() {
		stub.on(TOKEN_PATH, StubResponse.fixture(200, "oauth-token-refresh-response.json"));
		stub.on(OAUTH_USAGE_PATH, StubResponse.fixture(200, "oauth-usage.json"));
		collect("oauth-expired");
		this.clock.advance(Duration.ofHours(1));
		int before = requestCount();
		assertThat(collect("oauth-expired").status()).isEqualTo(CollectionStatus.OK);
		List<RecordedRequest> requests = requestsSince(before);
		assertThat(requests).extracting(RecordedRequest::path).containsExactly(OAUTH_USAGE_PATH);
		assertThat(requests.get(0).header("authorization")).isEqualTo("Bearer " + ROTATED_ACCESS);
	}

	@Test
	void newConfiguredPairReplacesStoredPair() {
		stub.on(TOKEN_PATH, StubResponse.fixture(200, "oauth-token-refresh-response.json"));
		stub.on(OAUTH_USAGE_PATH, StubResponse.fixture(200, "oauth-usage.json"));
		CollectionResult result = collect("oauth-expired");
		Account configured = this.accounts.find("oauth-expired").orElseThrow();
		Account reconfigured = new Account(configured.index(), configured.name(), configured.source(), null, null,
				"sk-ant-oat01-NEW-LOGIN-ACCESS", "sk-ant-ort01-NEW-LOGIN-REFRESH",
				Instant.parse("2026-09-15T00:00:00Z"), null);
		assertThat(this.tokenStore.current(configured, result.accountId()).accessToken()).isEqualTo(ROTATED_ACCESS);
		OAuthTokens current = this.tokenStore.current(reconfigured, result.accountId());
		assertThat(current.accessToken()).isEqualTo("sk-ant-oat01-NEW-LOGIN-ACCESS");
		assertThat(current.refreshToken()).isEqualTo("sk-ant-ort01-NEW-LOGIN-REFRESH");
	}

	@Test
	void unauthorizedAnswerTriggersOneRefresh() {
		stub.on(TOKEN_PATH, StubResponse.fixture(200, "oauth-token-refresh-response.json"));
		stub.on(OAUTH_USAGE_PATH, StubResponse.fixture(401, "error-401.json"),
				StubResponse.fixture(200, "oauth-usage.json"));
		int before = requestCount();
		CollectionResult result = collect("oauth-main");
		assertThat(result.status()).isEqualTo(CollectionStatus.OK);
		List<RecordedRequest> requests = requestsSince(before);
		assertThat(requests).extracting(RecordedRequest::path)
			.containsExactly(OAUTH_USAGE_PATH, TOKEN_PATH, OAUTH_USAGE_PATH);
		assertThat(requests.get(2).header("authorization")).isEqualTo("Bearer " + ROTATED_ACCESS);
		assertThat(result.payloads()).hasSize(3);
	}

	@Test
	void unauthorizedAfterRefreshIsTokenExpired() {
		stub.on(TOKEN_PATH, StubResponse.fixture(200, "oauth-token-refresh-response.json"));
		stub.on(OAUTH_USAGE_PATH, StubResponse.fixture(401, "error-401.json"));
		int before = requestCount();
		CollectionResult result = collect("oauth-main");
		assertThat(result.status()).isEqualTo(CollectionStatus.TOKEN_EXPIRED);
		assertThat(result.message()).contains("OAuth token has expired").contains("monitor.accounts[2]");
		assertThat(requestsSince(before)).extracting(RecordedRequest::path)
			.containsExactly(OAUTH_USAGE_PATH, TOKEN_PATH, OAUTH_USAGE_PATH);
	}

	@Test
	void invalidGrantIsRefreshFailure() {
		stub.on(TOKEN_PATH, StubResponse.fixture(400, "oauth-token-refresh-error.json"));
		int before = requestCount();
		CollectionResult result = collect("oauth-expired");
		assertThat(result.status()).isEqualTo(CollectionStatus.TOKEN_REFRESH_FAILED);
		assertThat(result.message()).contains("invalid_grant").contains("monitor.accounts[3]");
		assertThat(requestsSince(before)).extracting(RecordedRequest::path).containsExactly(TOKEN_PATH);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM oauth_tokens").query(Integer.class).single()).isZero();
	}

	@Test
	void missingScopeIsScopeMissing() {
		stub.on(OAUTH_USAGE_PATH, StubResponse.json(403, SCOPE_ERROR));
		CollectionResult result = collect("oauth-main");
		assertThat(result.status()).isEqualTo(CollectionStatus.SCOPE_MISSING);
		assertThat(result.message()).contains("user:profile");
	}

	@Test
	void tokenAnswerIsStoredWithoutTokens() {
		stub.on(TOKEN_PATH, StubResponse.fixture(200, "oauth-token-refresh-response.json"));
		stub.on(OAUTH_USAGE_PATH, StubResponse.fixture(200, "oauth-usage.json"));
		CollectionResult result = collect("oauth-expired");
		RawPayloadRepository.RawPayload tokenResponse = result.payloads().get(0);
		assertThat(tokenResponse.endpoint()).isEqualTo("POST " + stub.baseUrl() + TOKEN_PATH);
		assertThat(tokenResponse.body()).contains("\"access_token\":\"[redacted]\"")
			.contains("\"expires_in\":28800")
			.doesNotContain(ROTATED_ACCESS, ROTATED_REFRESH);
	}

	private Map<String, Object> storedTokens(long accountId) {
		return this.jdbc.sql("SELECT access_token, refresh_token, expires_at FROM oauth_tokens WHERE account_id = ?")
			.param(accountId)
			.query()
			.singleRow();
	}

	private static List<RecordedRequest> requestsSince(int before) {
		return stub.requests().subList(before, requestCount());
	}

	private CollectionResult collect(String name) {
		return this.collector.collect(this.accounts.find(name).orElseThrow());
	}

}
