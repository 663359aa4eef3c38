package dev.usagemonitor.collect;

import java.util.Locale;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Recognises HTML where JSON was expected, and Cloudflare's managed challenge page among
 * such pages.
 */
final class HtmlResponses {

	/** Title of the challenge interstitial. */
	static final String CHALLENGE_TITLE = "Just a moment";

	/** Element that contains the "Enable JavaScript and cookies" notice. */
	static final String CHALLENGE_ERROR_SELECTOR = "#challenge-error-text";

	/** Script that runs the challenge. */
	static final String CHALLENGE_SCRIPT_SELECTOR = "script[src*=/cdn-cgi/challenge-platform/]";

	private HtmlResponses() {
	}

	/**
	 * Tells whether a response is an HTML page, by its content type or its first
	 * character.
	 */
	static boolean isHtml(ReceivedResponse response) {
		String type = response.contentType();
		if (type != null && type.toLowerCase(Locale.ROOT).contains("html")) {
			return true;
		}
		return response.body().stripLeading().startsWith("<");
	}

	/**
	 * Tells whether a response is a Cloudflare challenge: the {@code cf-mitigated:
	 * challenge} header, or an HTML page with the challenge title, notice or script.
	 */
	static boolean isChallenge(ReceivedResponse response) {
		if ("challenge".equalsIgnoreCase(response.header("cf-mitigated"))) {
			return true;
		}
		if (!isHtml(response)) {
			return false;
		}
		Document page = Jsoup.parse(response.body());
		return page.title().contains(CHALLENGE_TITLE) || page.selectFirst(CHALLENGE_ERROR_SELECTOR) != null
				|| page.selectFirst(CHALLENGE_SCRIPT_SELECTOR) != null;
	}

	/**
	 * Returns the title of an HTML page, or {@code "untitled"}.
	 */
	static String title(ReceivedResponse response) {
		String title = Jsoup.parse(response.body()).title().strip();
		return title.isEmpty() ? "untitled" : title;
	}

}
