package dev.usagemonitor.notify;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * ntfy message: the event messages as the plain-text body (at most 4096 bytes, the
 * default message limit of ntfy servers) POSTed to the topic URL, with {@code Title},
 * {@code Priority} (warning 4, critical and exhausted 5, resolved and reset 3),
 * {@code Tags} (emoji short codes) and, when a dashboard address is set, {@code Click}.
 * Non-ASCII header values are sent as RFC 2047 encoded words, which ntfy 2.4.0 and later
 * decode.
 */
class NtfyFormat implements MessageFormat {

	static final int MAX_BODY_BYTES = 4096;

	static final int MAX_TITLE = 200;

	@Override
	public OutgoingRequest format(Notification notification, Channel channel, Instant attemptAt) {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("Content-Type", "text/plain; charset=utf-8");
		headers.put("Title", headerValue(TextLimits.shorten(notification.headline(), MAX_TITLE)));
		headers.put("Priority", String.valueOf(priority(notification)));
		headers.put("Tags", tags(notification));
		if (notification.dashboardUrl() != null) {
			headers.put("Click", notification.dashboardUrl().toASCIIString());
		}
		if (channel.token() != null) {
			headers.put("Authorization", "Bearer " + channel.token());
		}
		String body = notification.events().stream().map(NotifiedEvent::message).collect(Collectors.joining("\n"));
		byte[] bytes = TextLimits.shortenUtf8(body, MAX_BODY_BYTES).getBytes(StandardCharsets.UTF_8);
		return new OutgoingRequest(channel.url(), headers, bytes);
	}

	private static int priority(Notification notification) {
		return notification.events().stream().mapToInt((event) -> EventStyle.of(event).ntfyPriority()).max().orElse(3);
	}

	private static String tags(Notification notification) {
		return notification.events()
			.stream()
			.map((event) -> EventStyle.of(event).emoji())
			.distinct()
			.collect(Collectors.joining(","));
	}

	/**
	 * Returns the text as a single-line header value: ASCII as is, anything else as an
	 * RFC 2047 encoded word.
	 */
	static String headerValue(String text) {
		String singleLine = text.replaceAll("[\\r\\n\\t]+", " ");
		boolean ascii = singleLine.chars().allMatch((character) -> character >= 0x20 && character < 0x7F);
		if (ascii) {
			return singleLine;
		}
		return "=?UTF-8?B?" + Base64.getEncoder().encodeToString(singleLine.getBytes(StandardCharsets.UTF_8)) + "?=";
	}

}
