package dev.usagemonitor.collect;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.usagemonitor.config.MonitorProperties;

import org.springframework.stereotype.Component;

/**
 * Reads the usage of an oauth account from {@code GET /api/oauth/usage}. An access token
 * past its expiry is refreshed first; a 401 response triggers one refresh and one retry.
 */
@Component
class OAuthFetcher {

	private static final Logger logger = LoggerFactory.getLogger(OAuthFetcher.class);

	/** Beta flag the usage endpoint requires for OAuth tokens. */
	static final String BETA_HEADER = "oauth-2025-04-20";

	private final UsageHttpClient http;

	private final FailureClassifier classifier;

	private final UsageParser parser;

	private final OAuthTokenStore tokens;

	private final TokenRefresher refresher;

	private final URI usageUrl;

	private final Clock clock;

	OAuthFetcher(UsageHttpClient http, FailureClassifier classifier, UsageParser parser, OAuthTokenStore tokens,
			TokenRefresher refresher, MonitorProperties properties, Clock clock) {
		this.http = http;
		this.classifier = classifier;
		this.parser = parser;
		this.tokens = tokens;
		this.refresher = refresher;
		this.clock = clock;
		this.usageUrl = URI.create(properties.oauth().baseUrl().toString().replaceAll("/+$", "") + "/api/oauth/usage");
	}

	List<UsageWindow> fetch(FetchContext context) {
		OAuthTokens pair = this.tokens.current(context.account(), context.accountId());
		boolean refreshed = false;
		if (pair.expiredAt(this.clock.instant())) {
			logger.info("The OAuth access token of account {} expired at {}; refreshing it", context.account().name(),
					pair.expiresAt());
			pair = this.refresher.refresh(context, pair);
			refreshed = true;
		}
		ReceivedResponse response = requestUsage(context, pair);
		if (response.status() == 401 && !refreshed && !HtmlResponses.isHtml(response)) {
			logger.info("The OAuth usage endpoint rejected the access token of account {}; refreshing it once",
					context.account().name());
			pair = this.refresher.refresh(context, pair);
			response = requestUsage(context, pair);
		}
		if (!response.isSuccess() || HtmlResponses.isHtml(response)) {
			throw this.classifier.classify(response, Endpoint.OAUTH_USAGE, context.account());
		}
		return this.parser.parse(response.body());
	}

	private ReceivedResponse requestUsage(FetchContext context, OAuthTokens pair) {
		HttpRequest.Builder request = HttpRequest.newBuilder(this.usageUrl)
			.header("Authorization", "Bearer " + pair.accessToken())
			.header("anthropic-beta", BETA_HEADER)
			.header("Accept", "application/json")
			.GET();
		return this.http.send(request, context);
	}

}
