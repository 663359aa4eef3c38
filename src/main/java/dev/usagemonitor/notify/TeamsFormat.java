package dev.usagemonitor.notify;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Teams Workflows webhook message: a {@code message} envelope with one Adaptive Card
 * attachment. Teams rejects messages above about 28 KB, so the card is kept under
 * {@value #MAX_BYTES} bytes by shortening messages and, as a last resort, listing only
 * the first events.
 */
class TeamsFormat implements MessageFormat {

	static final int MAX_BYTES = 20_000;

	private static final int[] MESSAGE_LIMITS = { 1000, 400, 150 };

	private static final int MIN_EVENTS_SHOWN = 5;

	private final JsonMapper json;

	TeamsFormat(JsonMapper json) {
		this.json = json;
	}

	@Override
	public OutgoingRequest format(Notification notification, Channel channel, Instant attemptAt) {
		byte[] body = null;
		for (int messageLimit : MESSAGE_LIMITS) {
			body = render(notification, notification.events().size(), messageLimit);
			if (body.length <= MAX_BYTES) {
				return request(channel, body);
			}
		}
		int listed = notification.events().size();
		while (body.length > MAX_BYTES && listed > MIN_EVENTS_SHOWN) {
			listed = Math.max(MIN_EVENTS_SHOWN, listed / 2);
			body = render(notification, listed, MESSAGE_LIMITS[MESSAGE_LIMITS.length - 1]);
		}
		return request(channel, body);
	}

	private static OutgoingRequest request(Channel channel, byte[] body) {
		return new OutgoingRequest(channel.url(), Map.of("Content-Type", "application/json"), body);
	}

	private byte[] render(Notification notification, int listed, int messageLimit) {
		ObjectNode envelope = this.json.createObjectNode().put("type", "message");
		ObjectNode attachment = envelope.putArray("attachments").addObject();
		attachment.put("contentType", "application/vnd.microsoft.card.adaptive");
		attachment.putNull("contentUrl");
		attachment.set("content", card(notification, listed, messageLimit));
		return this.json.writeValueAsBytes(envelope);
	}

	private ObjectNode card(Notification notification, int listed, int messageLimit) {
		ObjectNode card = this.json.createObjectNode();
		card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
		card.put("type", "AdaptiveCard");
		card.put("version", "1.4");
		card.putObject("msteams").put("width", "Full");
		ArrayNode body = card.putArray("body");
		body.add(textBlock(TextLimits.shorten(notification.headline(), 300)).put("weight", "Bolder")
			.put("size", "Medium"));
		List<NotifiedEvent> events = notification.events();
		events.subList(0, listed).forEach((event) -> addEvent(body, event, messageLimit));
		if (listed < events.size()) {
			body.add(textBlock("…and " + (events.size() - listed) + " more events.").put("isSubtle", true));
		}
		if (notification.dashboardUrl() != null) {
			card.putArray("actions")
				.addObject()
				.put("type", "Action.OpenUrl")
				.put("title", "Open the dashboard")
				.put("url", notification.dashboardUrl().toString());
		}
		return card;
	}

	private void addEvent(ArrayNode body, NotifiedEvent event, int messageLimit) {
		body.add(textBlock(TextLimits.shorten(event.title(), 200)).put("weight", "Bolder")
			.put("color", EventStyle.of(event).cardColor())
			.put("spacing", "Medium"));
		body.add(textBlock(TextLimits.shorten(event.message(), messageLimit)).put("spacing", "Small"));
	}

	private ObjectNode textBlock(String text) {
		return this.json.createObjectNode().put("type", "TextBlock").put("text", text).put("wrap", true);
	}

}
