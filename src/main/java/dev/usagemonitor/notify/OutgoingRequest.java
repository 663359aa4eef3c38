package dev.usagemonitor.notify;

import java.net.URI;
import java.util.Map;

/**
 * An HTTP POST ready to send. The URI and some headers carry secrets: never log them.
 *
 * @param uri target
 * @param headers request headers, in sending order
 * @param body exact body bytes (signatures cover these bytes)
 */
record OutgoingRequest(URI uri, Map<String, String> headers, byte[] body) {

	@Override
	public String toString() {
		return "OutgoingRequest[headers=" + this.headers.keySet() + ", bytes=" + this.body.length + "]";
	}

}
