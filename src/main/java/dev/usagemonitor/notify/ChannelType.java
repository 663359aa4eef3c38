package dev.usagemonitor.notify;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The services a channel can deliver to, with the pacing each needs by default.
 */
enum ChannelType {

	/** Slack incoming webhook: about one message a second per webhook. */
	SLACK(Duration.ofSeconds(1)),

	/**
	 * Discord webhook: Discord's rate-limit documentation advises against hard-coded
	 * limits, so pacing follows its {@code X-RateLimit-*} headers.
	 */
	DISCORD(Duration.ZERO),

	/** Teams Workflows webhook: more than 4 requests a second are throttled. */
	TEAMS(Duration.ofMillis(250)),

	/** ntfy topic. */
	NTFY(Duration.ZERO),

	/** Generic JSON webhook signed per Standard Webhooks. */
	WEBHOOK(Duration.ZERO);

	private final Duration defaultMinInterval;

	ChannelType(Duration defaultMinInterval) {
		this.defaultMinInterval = defaultMinInterval;
	}

	Duration defaultMinInterval() {
		return this.defaultMinInterval;
	}

	/**
	 * Returns the property value of this type, for example {@code slack}.
	 */
	String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	static Optional<ChannelType> of(String value) {
		return Arrays.stream(values()).filter((type) -> type.value().equals(value)).findFirst();
	}

	static String allValues() {
		return Arrays.stream(values()).map(ChannelType::value).collect(Collectors.joining(", "));
	}

}
