package dev.usagemonitor.collect;

import java.util.Locale;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Recognises HTML where JSON was expected, and Cloudflare's managed challenge page among
 * such pages.
 */
final class HtmlAnswers {

	/** Title of the challenge interstitial. */
	static final String CHALLENGE_TITLE = "Just a moment";

	/** Element that holds the "Enable JavaScript and cookies" notice. */
	static final String CHALLENGE_ERROR_SELECTOR = "#challenge-error-text";

	/** Script that runs the challenge. */
	static final String CHALLENGE_SCRIPT_SELECTOR = "script[src*=/cdn-cgi/challenge-platform/]";

	private HtmlAnswers() {
	}

	/**
	 * Tells whether an answer is an HTML page, by its content type or its first
	 * character.
	 */
	static boolean isHtml(HttpAnswer answer) {
		String type = answer.contentType();
		if (type != null && type.toLowerCase(Locale.ROOT).contains("html")) {
			return true;
		}
		return answer.body().stripLeading().startsWith("<");
	}

	/**
	 * Tells whether an answer is a Cloudflare challenge: the {@code cf-mitigated:
	 * challenge} header, or an HTML page with the challenge title, notice or script.
	 */
	static boolean isChallenge(HttpAnswer answer) {
		if ("challenge".equalsIgnoreCase(answer.header("cf-mitigated"))) {
			return true;
		}
		if (!isHtml(answer)) {
			return false;
		}
		Document page = Jsoup.parse(answer.body());
		return page.title().contains(CHALLENGE_TITLE) || page.selectFirst(CHALLENGE_ERROR_SELECTOR) != null
				|| page.selectFirst(CHALLENGE_SCRIPT_SELECTOR) != null;
	}

	/**
	 * Returns the title of an HTML page, or {@code "untitled"}.
	 */
	static String title(HttpAnswer answer) {
		String title = Jsoup.parse(answer.body()).title().strip();
		return title.isEmpty() ? "untitled" : title;
	}

}
