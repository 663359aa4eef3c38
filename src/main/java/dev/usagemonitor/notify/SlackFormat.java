package dev.usagemonitor.notify;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Slack incoming-webhook message: {@code text} (the notification and accessibility
 * fallback) plus blocks. Block Kit limits: 50 blocks, header text 150 characters, section
 * text 3000 characters.
 */
class SlackFormat implements MessageFormat {

	static final int MAX_BLOCKS = 50;

	static final int MAX_HEADER = 150;

	static final int MAX_SECTION = 3000;

	static final int MAX_TEXT = 3000;

	private final JsonMapper json;

	SlackFormat(JsonMapper json) {
		this.json = json;
	}

	@Override
	public OutgoingRequest format(Notification notification, Channel channel, Instant attemptAt) {
		ObjectNode message = this.json.createObjectNode();
		message.put("text", escape(fallbackText(notification), MAX_TEXT));
		ArrayNode blocks = message.putArray("blocks");
		blocks.add(header(notification.headline()));
		addEventSections(blocks, notification.events(), (notification.dashboardUrl() != null) ? 1 : 0);
		if (notification.dashboardUrl() != null) {
			blocks.add(dashboardLink(notification.dashboardUrl().toString()));
		}
		return new OutgoingRequest(channel.url(), Map.of("Content-Type", "application/json"),
				this.json.writeValueAsBytes(message));
	}

	private void addEventSections(ArrayNode blocks, List<NotifiedEvent> events, int reservedBlocks) {
		int room = MAX_BLOCKS - blocks.size() - reservedBlocks;
		int listed = (events.size() <= room) ? events.size() : room - 1;
		for (NotifiedEvent event : events.subList(0, listed)) {
			String text = ":" + EventStyle.of(event).emoji() + ": *" + escape(event.title(), 500) + "*\n"
					+ escape(event.message(), MAX_SECTION - 600);
			blocks.add(section(text));
		}
		if (listed < events.size()) {
			blocks.add(section("…and " + (events.size() - listed) + " more events."));
		}
	}

	private ObjectNode header(String text) {
		ObjectNode header = this.json.createObjectNode().put("type", "header");
		header.putObject("text")
			.put("type", "plain_text")
			.put("text", TextLimits.shorten(text, MAX_HEADER))
			.put("emoji", true);
		return header;
	}

	private ObjectNode section(String mrkdwn) {
		ObjectNode section = this.json.createObjectNode().put("type", "section");
		section.putObject("text").put("type", "mrkdwn").put("text", mrkdwn);
		return section;
	}

	private ObjectNode dashboardLink(String url) {
		ObjectNode context = this.json.createObjectNode().put("type", "context");
		context.putArray("elements")
			.addObject()
			.put("type", "mrkdwn")
			.put("text", "<" + escape(url, 2500) + "|Open the dashboard>");
		return context;
	}

	private static String fallbackText(Notification notification) {
		if (notification.events().size() == 1) {
			NotifiedEvent event = notification.events().get(0);
			return event.title() + ": " + event.message();
		}
		StringBuilder text = new StringBuilder(notification.headline());
		notification.events().forEach((event) -> text.append("\n• ").append(event.message()));
		return text.toString();
	}

	/**
	 * Escapes the three characters Slack's mrkdwn reserves ({@code & < >}) and keeps the
	 * escaped text within {@code maxLength}, never cutting an escape sequence.
	 */
	static String escape(String text, int maxLength) {
		StringBuilder escaped = new StringBuilder();
		text.chars().forEach((character) -> escaped.append(escapeChar((char) character)));
		if (escaped.length() <= maxLength) {
			return escaped.toString();
		}
		StringBuilder kept = new StringBuilder();
		for (int index = 0; index < text.length(); index++) {
			String next = escapeChar(text.charAt(index));
			if (kept.length() + next.length() > maxLength - TextLimits.ELLIPSIS.length()) {
				break;
			}
			kept.append(next);
		}
		return dropDanglingSurrogate(kept) + TextLimits.ELLIPSIS;
	}

	private static String escapeChar(char character) {
		return switch (character) {
			case '&' -> "&amp;";
			case '<' -> "&lt;";
			case '>' -> "&gt;";
			default -> String.valueOf(character);
		};
	}

	private static String dropDanglingSurrogate(StringBuilder text) {
		int length = text.length();
		if (length > 0 && Character.isHighSurrogate(text.charAt(length - 1))) {
			text.setLength(length - 1);
		}
		return text.toString();
	}

}
