package dev.usagemonitor.collect;

import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import dev.usagemonitor.config.MonitorProperties;

import org.springframework.stereotype.Component;

/**
 * Refreshes OAuth access tokens at the token endpoint. The endpoint rotates the refresh
 * token, so the new pair is stored and committed before it is used, and refreshes of one
 * account never run at the same time: in this process a lock per account excludes them,
 * and across replicas of a shared store the token lock of {@link OAuthTokenStore#rotate}.
 */
@Component
class TokenRefresher {

	private static final Logger logger = LoggerFactory.getLogger(TokenRefresher.class);

	private final UsageHttpClient http;

	private final FailureClassifier classifier;

	private final OAuthTokenStore store;

	private final MonitorProperties.OAuth endpoint;

	private final JsonMapper json;

	private final Clock clock;

	private final Map<Long, ReentrantLock> locks = new ConcurrentHashMap<>();

	TokenRefresher(UsageHttpClient http, FailureClassifier classifier, OAuthTokenStore store,
			MonitorProperties properties, JsonMapper json, Clock clock) {
		this.http = http;
		this.classifier = classifier;
		this.store = store;
		this.endpoint = properties.oauth();
		this.json = json;
		this.clock = clock;
	}

	/**
	 * Returns a fresh pair for the account: the pair another caller stored since
	 * {@code used} was read, or a newly refreshed and stored one.
	 * @throws CollectionFailedException when the token endpoint rejects the refresh or
	 * cannot be reached
	 */
	OAuthTokens refresh(FetchContext context, OAuthTokens used) {
		ReentrantLock lock = this.locks.computeIfAbsent(context.accountId(), (id) -> new ReentrantLock());
		lock.lock();
		try {
			return this.store.rotate(context.account(), context.accountId(), used,
					(expired) -> refreshAndStore(context, expired));
		}
		finally {
			lock.unlock();
		}
	}

	private OAuthTokens refreshAndStore(FetchContext context, OAuthTokens used) {
		OAuthTokens rotated = requestNewPair(context, used);
		this.store.store(context.account(), context.accountId(), rotated);
		logger.info("Refreshed the OAuth access token of account {}; the new one expires at {}",
				context.account().name(), rotated.expiresAt());
		return rotated;
	}

	// NOTE: the grant is sent as JSON with the monitor's own User-Agent, as several
	// clients
	// do. Whether Claude Code sends JSON or a form is not documented, and one report says
	// the
	// endpoint once returned HTTP 429 to clients without a claude-cli User-Agent.
	private OAuthTokens requestNewPair(FetchContext context, OAuthTokens used) {
		ObjectNode grant = this.json.createObjectNode()
			.put("grant_type", "refresh_token")
			.put("refresh_token", used.refreshToken())
			.put("client_id", this.endpoint.clientId());
		HttpRequest.Builder request = HttpRequest.newBuilder(this.endpoint.tokenUrl())
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(this.json.writeValueAsString(grant)));
		ReceivedResponse response = this.http.send(request, context);
		if (!response.isSuccess() || HtmlResponses.isHtml(response)) {
			throw this.classifier.classify(response, Endpoint.TOKEN, context.account());
		}
		return read(response, used);
	}

	private OAuthTokens read(ReceivedResponse response, OAuthTokens used) {
		JsonNode body;
		try {
			body = this.json.readTree(response.body());
		}
		catch (JacksonException ex) {
			body = this.json.missingNode();
		}
		String accessToken = JsonValues.text(body.path("access_token"));
		if (accessToken == null) {
			throw new CollectionFailedException(CollectionStatus.FORMAT_CHANGED, "The OAuth token endpoint returned "
					+ "HTTP " + response.status() + " without an access_token; the response is stored for inspection",
					response.status());
		}
		String refreshToken = JsonValues.text(body.path("refresh_token"));
		Long expiresIn = JsonValues.wholeNumber(body.path("expires_in"));
		Instant expiresAt = (expiresIn != null) ? this.clock.instant().plusSeconds(expiresIn) : null;
		return new OAuthTokens(accessToken, (refreshToken != null) ? refreshToken : used.refreshToken(), expiresAt);
	}

}
