package dev.usagemonitor.collect;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.time.Instant;

/**
 * An HTTP response as received, with its body decoded as UTF-8.
 *
 * @param method request method
 * @param uri request URI
 * @param status HTTP status
 * @param headers response headers
 * @param body response body, at most {@code monitor.http.max-response-size} bytes
 * @param receivedAt when the whole response had arrived
 */
record ReceivedResponse(String method, URI uri, int status, HttpHeaders headers, String body, Instant receivedAt) {

	/**
	 * Returns the request as {@code METHOD scheme://host/path}, without query string.
	 */
	String endpoint() {
		return this.method + " " + this.uri.getScheme() + "://" + this.uri.getRawAuthority() + this.uri.getRawPath();
	}

	/**
	 * Returns the {@code Content-Type} header, or {@code null}.
	 */
	String contentType() {
		return header("content-type");
	}

	/**
	 * Returns the first value of a header, or {@code null}.
	 */
	String header(String name) {
		return this.headers.firstValue(name).orElse(null);
	}

	boolean isSuccess() {
		return this.status >= 200 && this.status < 300;
	}

}
