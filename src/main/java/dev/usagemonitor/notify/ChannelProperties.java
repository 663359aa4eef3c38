package dev.usagemonitor.notify;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * One notification channel, bound from {@code monitor.channels[N]}. Values are kept as
 * strings so that start-up validation can report a bad value with the property name and
 * the fix.
 *
 * @param name unique label used in the outbox, logs and the dashboard: letters, digits,
 * {@code -} and {@code _}
 * @param type {@code slack}, {@code discord}, {@code teams}, {@code ntfy} or
 * {@code webhook}
 * @param url incoming-webhook URL, or the ntfy server and topic; a secret
 * @param secret Standard Webhooks signing secret ({@code whsec_} + base64), webhook only
 * @param token ntfy access token sent as a bearer token, ntfy only
 * @param minSeverity lowest alert level sent: {@code info}, {@code warning},
 * {@code critical} or {@code exhausted} (default {@code info}, everything)
 * @param accounts names of the accounts whose alerts this channel receives; empty means
 * every account
 * @param minInterval shortest time between two messages to this channel; when unset the
 * default of the type applies
 */
public record ChannelProperties(String name, String type, String url, String secret, String token,
		@DefaultValue("info") String minSeverity, @DefaultValue List<String> accounts, Duration minInterval) {

	@Override
	public String toString() {
		return "ChannelProperties[name=" + this.name + ", type=" + this.type + "]";
	}

}
