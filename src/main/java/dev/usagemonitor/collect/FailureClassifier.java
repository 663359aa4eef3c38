package dev.usagemonitor.collect;

import java.time.Clock;
import java.time.Instant;

import tools.jackson.databind.json.JsonMapper;

import dev.usagemonitor.config.Account;

import org.springframework.stereotype.Component;

/**
 * Turns an unsuccessful or unreadable answer into exactly one {@link CollectionStatus}
 * with a one-line message that tells the operator what to do. Checks, in order: a
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
	 * Returns the failure that an answer from an endpoint stands for.
	 */
	CollectionFailedException classify(HttpAnswer answer, Endpoint endpoint, Account account) {
		if (HtmlAnswers.isChallenge(answer)) {
			return fail(CollectionStatus.CLOUDFLARE_CHALLENGE, challengeMessage(answer, endpoint), answer);
		}
		if (answer.status() >= 300 && answer.status() < 400) {
			return redirect(answer, endpoint);
		}
		if (HtmlAnswers.isHtml(answer)) {
			return htmlPage(answer, endpoint);
		}
		if (answer.status() == 429) {
			return rateLimited(answer, endpoint);
		}
		ApiError error = ApiError.read(this.json, answer.body());
		if (endpoint == Endpoint.TOKEN) {
			return tokenFailure(answer, error, account);
		}
		return apiFailure(answer, endpoint, error, account);
	}

	private CollectionFailedException apiFailure(HttpAnswer answer, Endpoint endpoint, ApiError error,
			Account account) {
		int status = answer.status();
		String detail = detail(answer, error);
		if (SESSION_INVALID_CODE.equals(error.code()) || (endpoint.isWeb() && status == 401)) {
			return fail(CollectionStatus.SESSION_EXPIRED, "claude.ai rejected the session (" + detail + "): log in to "
					+ "claude.ai again and copy the new sessionKey cookie into " + account.property("session-key"),
					answer);
		}
		if (status == 403 && error.message() != null && error.message().contains("scope requirement")) {
			return fail(CollectionStatus.SCOPE_MISSING, "The OAuth token lacks the user:profile scope (" + detail
					+ "), as setup tokens do: log the monitor in with a full claude login and configure that pair in "
					+ account.propertyPrefix(), answer);
		}
		if (status == 401) {
			return fail(CollectionStatus.TOKEN_EXPIRED,
					"The OAuth usage endpoint rejected the access token even after " + "a refresh (" + detail
							+ "): log the monitor in again and configure the new pair in " + account.propertyPrefix(),
					answer);
		}
		if (status == 403) {
			return fail(CollectionStatus.ORGANIZATION_FORBIDDEN, forbiddenMessage(endpoint, detail, account), answer);
		}
		if (status >= 500) {
			return fail(CollectionStatus.SERVER_ERROR,
					endpoint.displayName() + " failed (" + detail + "); the next cycle retries", answer);
		}
		return fail(CollectionStatus.FORMAT_CHANGED, endpoint.displayName() + " rejected the request (" + detail
				+ "); its API may have changed, the answer is stored for inspection", answer);
	}

	private CollectionFailedException tokenFailure(HttpAnswer answer, ApiError error, Account account) {
		String detail = detail(answer, error);
		if (answer.status() >= 500) {
			return fail(CollectionStatus.SERVER_ERROR,
					"The OAuth token endpoint failed (" + detail + "); the next cycle retries the refresh", answer);
		}
		String reason = "invalid_grant".equals(error.type())
				? "the refresh token is no longer valid, usually because another client used it"
				: "the refresh was rejected";
		return fail(CollectionStatus.TOKEN_REFRESH_FAILED,
				"The OAuth token endpoint answered " + detail + ": " + reason
						+ "; log the monitor in with a login of its own and configure the new pair in "
						+ account.propertyPrefix(),
				answer);
	}

	private CollectionFailedException rateLimited(HttpAnswer answer, Endpoint endpoint) {
		Instant retryAfter = RetryAfter.parse(answer.header("retry-after"), this.clock.instant());
		String message = endpoint.displayName() + " rate-limited this account (HTTP 429)";
		return new CollectionFailedException(CollectionStatus.RATE_LIMITED, message, 429, retryAfter, null);
	}

	private CollectionFailedException redirect(HttpAnswer answer, Endpoint endpoint) {
		String location = String.valueOf(answer.header("location"));
		if (location.contains("app-unavailable-in-region")) {
			return fail(CollectionStatus.CLOUDFLARE_CHALLENGE,
					"claude.ai redirected to app-unavailable-in-region: "
							+ "Claude is not offered where the monitor runs; run it elsewhere or use source oauth",
					answer);
		}
		return fail(CollectionStatus.FORMAT_CHANGED, endpoint.displayName() + " redirected the request (HTTP "
				+ answer.status() + "); its API may have moved, the answer is stored for inspection", answer);
	}

	private CollectionFailedException htmlPage(HttpAnswer answer, Endpoint endpoint) {
		String page = "an HTML page titled '" + oneLine(HtmlAnswers.title(answer)) + "'";
		if (answer.status() == 403) {
			return fail(CollectionStatus.CLOUDFLARE_CHALLENGE,
					endpoint.displayName() + " answered HTTP 403 with " + page
							+ ": a firewall blocks the monitor's network address, the credentials are not the problem",
					answer);
		}
		if (answer.status() >= 500) {
			return fail(CollectionStatus.SERVER_ERROR, endpoint.displayName() + " failed with HTTP " + answer.status()
					+ " and " + page + "; the next cycle retries", answer);
		}
		return fail(CollectionStatus.FORMAT_CHANGED, endpoint.displayName() + " answered HTTP " + answer.status()
				+ " with " + page + " where JSON was expected; the answer is stored for inspection", answer);
	}

	private static String challengeMessage(HttpAnswer answer, Endpoint endpoint) {
		return endpoint.displayName() + " answered HTTP " + answer.status() + " with a Cloudflare challenge, which "
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

	private String detail(HttpAnswer answer, ApiError error) {
		String text = (error.message() != null) ? error.message() : error.type();
		if (text == null) {
			return "HTTP " + answer.status();
		}
		String prefix = (error.type() != null && !error.type().equals(text)) ? error.type() + ", " : "";
		return "HTTP " + answer.status() + " " + this.redactor.redact(oneLine(prefix + text));
	}

	private static String oneLine(String text) {
		String line = text.replaceAll("\\s+", " ").strip();
		return (line.length() > 160) ? line.substring(0, 160) + "…" : line;
	}

	private static CollectionFailedException fail(CollectionStatus status, String message, HttpAnswer answer) {
		return new CollectionFailedException(status, message, answer.status());
	}

}
