package dev.usagemonitor.collect;

import java.time.Clock;
import java.time.Instant;

import tools.jackson.databind.json.JsonMapper;

import dev.usagemonitor.config.Account;

import org.springframework.stereotype.Component;

/**
 * Turns an unsuccessful or unreadable response into exactly one {@link CollectionStatus}
 * with a one-line message stating what the operator should do. Checks, in order: a
 * Cloudflare challenge, a redirect, another HTML page, HTTP 429, then the JSON error.
 */
@Component
class FailureClassifier {

	static final String SESSION_INVALID_CODE = "account_session_invalid";

	private final JsonMapper json;

	private final SecretRedactor redactor;

	private final Clock clock;

	FailureClassifier(JsonMapper json, SecretRedactor redactor, Clock clock) {
		this.json = json;
		this.redactor = redactor;
		this.clock = clock;
	}

	/**
	 * Returns the failure that a response from an endpoint stands for.
	 */
	CollectionFailedException classify(ReceivedResponse response, Endpoint endpoint, Account account) {
		if (HtmlResponses.isChallenge(response)) {
			return fail(CollectionStatus.CLOUDFLARE_CHALLENGE, challengeMessage(response, endpoint), response);
		}
		if (response.status() >= 300 && response.status() < 400) {
			return redirect(response, endpoint);
		}
		if (HtmlResponses.isHtml(response)) {
			return htmlPage(response, endpoint);
		}
		if (response.status() == 429) {
			return rateLimited(response, endpoint);
		}
		ApiError error = ApiError.read(this.json, response.body());
		if (endpoint == Endpoint.TOKEN) {
			return tokenFailure(response, error, account);
		}
		return apiFailure(response, endpoint, error, account);
	}

	private CollectionFailedException apiFailure(ReceivedResponse response, Endpoint endpoint, ApiError error,
			Account account) {
		int status = response.status();
		String detail = detail(response, error);
		if (SESSION_INVALID_CODE.equals(error.code()) || (endpoint.isWeb() && status == 401)) {
			return fail(CollectionStatus.SESSION_EXPIRED, "claude.ai rejected the session (" + detail + "): log in to "
					+ "claude.ai again and copy the new sessionKey cookie into " + account.property("session-key"),
					response);
		}
		if (status == 403 && error.message() != null && error.message().contains("scope requirement")) {
			return fail(CollectionStatus.SCOPE_MISSING, "The OAuth token lacks the user:profile scope (" + detail
					+ "), as setup tokens do: log the monitor in with a full claude login and configure that pair in "
					+ account.propertyPrefix(), response);
		}
		if (status == 401) {
			return fail(CollectionStatus.TOKEN_EXPIRED,
					"The OAuth usage endpoint rejected the access token even after " + "a refresh (" + detail
							+ "): log the monitor in again and configure the new pair in " + account.propertyPrefix(),
					response);
		}
		if (status == 403) {
			return fail(CollectionStatus.ORGANIZATION_FORBIDDEN, forbiddenMessage(endpoint, detail, account), response);
		}
		if (status >= 500) {
			return fail(CollectionStatus.SERVER_ERROR,
					endpoint.displayName() + " failed (" + detail + "); the next cycle retries", response);
		}
		return fail(CollectionStatus.FORMAT_CHANGED, endpoint.displayName() + " rejected the request (" + detail
				+ "); its API may have changed, the response is stored for inspection", response);
	}

	private CollectionFailedException tokenFailure(ReceivedResponse response, ApiError error, Account account) {
		String detail = detail(response, error);
		if (response.status() >= 500) {
			return fail(CollectionStatus.SERVER_ERROR,
					"The OAuth token endpoint failed (" + detail + "); the next cycle retries the refresh", response);
		}
		String reason = "invalid_grant".equals(error.type())
				? "the refresh token is no longer valid, usually because another client used it"
				: "the refresh was rejected";
		return fail(CollectionStatus.TOKEN_REFRESH_FAILED,
				"The OAuth token endpoint returned " + detail + ": " + reason
						+ "; log the monitor in with a login of its own and configure the new pair in "
						+ account.propertyPrefix(),
				response);
	}

	private CollectionFailedException rateLimited(ReceivedResponse response, Endpoint endpoint) {
		Instant retryAfter = RetryAfter.parse(response.header("retry-after"), this.clock.instant());
		String message = endpoint.displayName() + " rate-limited this account (HTTP 429)";
		return new CollectionFailedException(CollectionStatus.RATE_LIMITED, message, 429, retryAfter, null);
	}

	private CollectionFailedException redirect(ReceivedResponse response, Endpoint endpoint) {
		String location = String.valueOf(response.header("location"));
		if (location.contains("app-unavailable-in-region")) {
			return fail(CollectionStatus.CLOUDFLARE_CHALLENGE,
					"claude.ai redirected to app-unavailable-in-region: "
							+ "Claude is not offered where the monitor runs; run it elsewhere or use source oauth",
					response);
		}
		return fail(
				CollectionStatus.FORMAT_CHANGED, endpoint.displayName() + " redirected the request (HTTP "
						+ response.status() + "); its API may have moved, the response is stored for inspection",
				response);
	}

	private CollectionFailedException htmlPage(ReceivedResponse response, Endpoint endpoint) {
		String page = "an HTML page titled '" + this.redactor.redact(oneLine(HtmlResponses.title(response))) + "'";
		if (response.status() == 403) {
			return fail(CollectionStatus.CLOUDFLARE_CHALLENGE,
					endpoint.displayName() + " returned HTTP 403 with " + page
							+ ": a firewall blocks the monitor's network address, the credentials are not the problem",
					response);
		}
		if (response.status() >= 500) {
			return fail(CollectionStatus.SERVER_ERROR, endpoint.displayName() + " failed with HTTP " + response.status()
					+ " and " + page + "; the next cycle retries", response);
		}
		return fail(
				CollectionStatus.FORMAT_CHANGED, endpoint.displayName() + " returned HTTP " + response.status()
						+ " with " + page + " where JSON was expected; the response is stored for inspection",
				response);
	}

	private static String challengeMessage(ReceivedResponse response, Endpoint endpoint) {
		return endpoint.displayName() + " returned HTTP " + response.status() + " with a Cloudflare challenge, which "
				+ "blocks non-browser clients on datacenter and VPN addresses; the credentials are not the problem. "
				+ "Run the monitor from another network or use source oauth";
	}

	private static String forbiddenMessage(Endpoint endpoint, String detail, Account account) {
		if (endpoint.isWeb()) {
			return "claude.ai denied access to the organization (" + detail + "): check "
					+ account.property("organization-id") + ", or remove it to pick the Pro or Max organization";
		}
		return "The OAuth usage endpoint denied access (" + detail + "): check that the token pair in "
				+ account.propertyPrefix() + " belongs to a Pro or Max login";
	}

	private String detail(ReceivedResponse response, ApiError error) {
		String text = (error.message() != null) ? error.message() : error.type();
		if (text == null) {
			return "HTTP " + response.status();
		}
		String prefix = (error.type() != null && !error.type().equals(text)) ? error.type() + ", " : "";
		return "HTTP " + response.status() + " " + this.redactor.redact(oneLine(prefix + text));
	}

	private static String oneLine(String text) {
		String line = text.replaceAll("\\s+", " ").strip();
		return (line.length() > 160) ? line.substring(0, 160) + "…" : line;
	}

	private static CollectionFailedException fail(CollectionStatus status, String message, ReceivedResponse response) {
		return new CollectionFailedException(status, message, response.status());
	}

}
