package dev.usagemonitor.notify;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;

/**
 * Sends one request to a receiver and classifies the response. Redirects are not followed
 * (Standard Webhooks counts a 3xx as a failure), at most {@value #MAX_BODY_BYTES} bytes
 * of the response are read, and error texts are scrubbed of the channel's secrets.
 */
class DeliveryClient {

	static final int MAX_BODY_BYTES = 4096;

	private static final String USER_AGENT = "claude-usage-monitor";

	private final HttpClient http;

	private final Duration requestTimeout;

	private final ResponseClassifier classifier;

	private final Clock clock;

	DeliveryClient(HttpClient http, Duration requestTimeout, ResponseClassifier classifier, Clock clock) {
		this.http = http;
		this.requestTimeout = requestTimeout;
		this.classifier = classifier;
		this.clock = clock;
	}

	/**
	 * Sends the request and returns the outcome. Timeouts and I/O errors become a
	 * {@link DeliveryOutcome.Retryable} instead of an exception.
	 */
	DeliveryOutcome send(Channel channel, OutgoingRequest outgoing) {
		try {
			HttpResponse<InputStream> response = this.http.send(request(outgoing),
					HttpResponse.BodyHandlers.ofInputStream());
			return scrubbed(channel, this.classifier.classify(read(response), this.clock.instant()));
		}
		catch (HttpTimeoutException ex) {
			return new DeliveryOutcome.Retryable("timed out after " + this.requestTimeout.toMillis() + " ms", null);
		}
		catch (IOException ex) {
			String detail = (ex.getMessage() != null) ? ": " + channel.scrub(ex.getMessage()) : "";
			return new DeliveryOutcome.Retryable(
					TextLimits.shorten("connection failed (" + ex.getClass().getSimpleName() + detail + ")", 300),
					null);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new DeliveryOutcome.Retryable("interrupted while sending", null);
		}
	}

	private HttpRequest request(OutgoingRequest outgoing) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(outgoing.uri())
			.timeout(this.requestTimeout)
			.header("User-Agent", USER_AGENT)
			.POST(HttpRequest.BodyPublishers.ofByteArray(outgoing.body()));
		outgoing.headers().forEach(builder::header);
		return builder.build();
	}

	private static ReceivedResponse read(HttpResponse<InputStream> response) throws IOException {
		try (InputStream body = response.body()) {
			return new ReceivedResponse(response.statusCode(), response.headers(), body.readNBytes(MAX_BODY_BYTES));
		}
	}

	private static DeliveryOutcome scrubbed(Channel channel, DeliveryOutcome outcome) {
		if (outcome instanceof DeliveryOutcome.Retryable retryable) {
			return new DeliveryOutcome.Retryable(channel.scrub(retryable.error()), retryable.retryAfter());
		}
		if (outcome instanceof DeliveryOutcome.Rejected rejected) {
			return new DeliveryOutcome.Rejected(rejected.status(), channel.scrub(rejected.error()));
		}
		return outcome;
	}

}
