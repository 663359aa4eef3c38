package dev.usagemonitor.notify;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Generic JSON webhook, signed per Standard Webhooks 1.0 when the channel has a secret.
 * Body: {@code {"type":"usage.alerts","timestamp":…,"data":{"message_id","account",
 * "dashboard_url","events":[…]}}}; each event carries its id, type, level, state,
 * account, window, value, resets_at, occurred_at, title and message. The
 * {@code webhook-id} header is the stable message id, so receivers can drop repeats.
 */
class WebhookFormat implements MessageFormat {

	static final String EVENT_TYPE = "usage.alerts";

	static final int MAX_TITLE = 256;

	static final int MAX_MESSAGE = 2000;

	private final JsonMapper json;

	WebhookFormat(JsonMapper json) {
		this.json = json;
	}

	@Override
	public OutgoingRequest format(Notification notification, Channel channel, Instant attemptAt) {
		byte[] body = this.json.writeValueAsBytes(body(notification));
		long timestamp = attemptAt.getEpochSecond();
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("Content-Type", "application/json");
		headers.put("webhook-id", notification.messageId());
		headers.put("webhook-timestamp", String.valueOf(timestamp));
		if (channel.secret() != null) {
			headers.put("webhook-signature",
					WebhookSignature.sign(channel.secret(), notification.messageId(), timestamp, body));
		}
		return new OutgoingRequest(channel.url(), headers, body);
	}

	private ObjectNode body(Notification notification) {
		ObjectNode body = this.json.createObjectNode();
		body.put("type", EVENT_TYPE);
		body.put("timestamp", notification.latestOccurredAt().toString());
		ObjectNode data = body.putObject("data");
		data.put("message_id", notification.messageId());
		data.put("account", notification.account());
		if (notification.dashboardUrl() != null) {
			data.put("dashboard_url", notification.dashboardUrl().toString());
		}
		else {
			data.putNull("dashboard_url");
		}
		ArrayNode events = data.putArray("events");
		notification.events().forEach((event) -> events.add(event(event, notification.account())));
		return body;
	}

	private ObjectNode event(NotifiedEvent event, String account) {
		ObjectNode node = this.json.createObjectNode();
		node.put("id", event.eventId());
		node.put("type", event.type());
		node.put("level", event.level());
		node.put("state", event.state());
		node.put("account", account);
		node.put("window", event.windowId());
		node.put("value", event.value());
		node.put("resets_at", (event.resetsAt() != null) ? event.resetsAt().toString() : null);
		node.put("occurred_at", event.occurredAt().toString());
		node.put("title", TextLimits.shorten(event.title(), MAX_TITLE));
		node.put("message", TextLimits.shorten(event.message(), MAX_MESSAGE));
		return node;
	}

}
