package dev.usagemonitor.cycle;

/**
 * The request that triggered a monitoring cycle. A CloudEvent carries its {@code source}
 * and {@code id}, which together identify a delivery, so a redelivered event can be
 * recognized. Any other request (the OpenFaaS cron connector, {@code kn func invoke}, a
 * manual POST) has none and always runs a cycle.
 *
 * @param eventSource CloudEvent {@code source}, or {@code null} for a plain request
 * @param eventId CloudEvent {@code id}, or {@code null} for a plain request
 * @param eventType CloudEvent {@code type} (for example
 * {@code dev.knative.sources.ping}), or a short description of a plain request
 * @param eventTime CloudEvent {@code time} as sent, or {@code null}
 */
public record CycleTrigger(String eventSource, String eventId, String eventType, String eventTime) {

	/**
	 * Creates the trigger of a request that is not a CloudEvent.
	 * @param description what sent the request, for logs (for example {@code http})
	 */
	public static CycleTrigger plain(String description) {
		return new CycleTrigger(null, null, description, null);
	}

	/**
	 * Creates the trigger of a CloudEvent.
	 */
	public static CycleTrigger cloudEvent(String source, String id, String type, String time) {
		return new CycleTrigger(source, id, type, time);
	}

	/**
	 * Tells whether this trigger identifies a delivery that may be redelivered.
	 */
	public boolean isCloudEvent() {
		return this.eventId != null && this.eventSource != null;
	}

}
