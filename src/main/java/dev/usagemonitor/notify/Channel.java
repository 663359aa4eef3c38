package dev.usagemonitor.notify;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * A validated notification channel. The URL, secret and token are secrets: use
 * {@link #redactedUrl()} in logs and {@link #scrub(String)} on any text that is stored or
 * logged.
 *
 * @param name unique channel name
 * @param type the receiving service
 * @param url webhook URL or ntfy server and topic
 * @param secret Standard Webhooks signing secret ({@code whsec_…}), or {@code null}
 * @param token ntfy bearer token, or {@code null}
 * @param minSeverity lowest alert level this channel receives
 * @param accounts accounts whose alerts this channel receives; empty means all
 * @param minInterval shortest time between two messages to this channel
 */
record Channel(String name, ChannelType type, URI url, String secret, String token, Severity minSeverity,
		Set<String> accounts, Duration minInterval) {

	private static final String REDACTED = "[redacted]";

	/**
	 * Tells whether an event of the given account and level goes to this channel.
	 */
	boolean accepts(String account, Severity level) {
		return level.isAtLeast(this.minSeverity) && (this.accounts.isEmpty() || this.accounts.contains(account));
	}

	/**
	 * Returns the URL with scheme, host and port only, for example
	 * {@code https://hooks.slack.com/***}.
	 */
	String redactedUrl() {
		String port = (this.url.getPort() != -1) ? ":" + this.url.getPort() : "";
		return this.url.getScheme() + "://" + this.url.getHost() + port + "/***";
	}

	/**
	 * Returns a SHA-256 hash of everything that decides where and how messages are sent.
	 * A change of this value clears the channel's broken state.
	 * <p>
	 * NOTE: the hash is unsalted, so a short, guessable ntfy topic could be recovered
	 * from a copy of the database by trying candidates.
	 */
	String fingerprint() {
		String configuration = String.join("\n", this.type.value(), this.url.toString(), nullToEmpty(this.secret),
				nullToEmpty(this.token));
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(configuration.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(hash);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available in this JVM", ex);
		}
	}

	/**
	 * Replaces every secret of this channel that occurs in the text, so that a receiver's
	 * error text can be stored and logged.
	 */
	String scrub(String text) {
		if (text == null) {
			return null;
		}
		String scrubbed = text;
		for (String secretPart : secretParts()) {
			scrubbed = scrubbed.replace(secretPart, REDACTED);
		}
		return scrubbed;
	}

	private List<String> secretParts() {
		List<String> parts = new ArrayList<>();
		parts.add(this.url.toString());
		addIfPresent(parts, this.url.getRawPath());
		addIfPresent(parts, this.url.getRawQuery());
		addIfPresent(parts, this.secret);
		addIfPresent(parts, this.token);
		return parts;
	}

	private static void addIfPresent(List<String> parts, String value) {
		if (value != null && value.length() > 1) {
			parts.add(value);
		}
	}

	private static String nullToEmpty(String value) {
		return (value != null) ? value : "";
	}

	@Override
	public String toString() {
		return "Channel[name=" + this.name + ", type=" + this.type.value() + ", url=" + redactedUrl() + "]";
	}

}
