package dev.usagemonitor.notify;

import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;

/**
 * A receiver's response to a delivery attempt.
 *
 * @param status HTTP status
 * @param headers response headers
 * @param body the start of the body (enough for an error text)
 */
record ReceivedResponse(int status, HttpHeaders headers, byte[] body) {

	String header(String name) {
		return this.headers.firstValue(name).orElse(null);
	}

	String bodyText() {
		return new String(this.body, StandardCharsets.UTF_8);
	}

}
