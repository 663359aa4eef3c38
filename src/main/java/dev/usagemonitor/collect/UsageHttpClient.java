package dev.usagemonitor.collect;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.usagemonitor.collect.LimitedBodySubscriber.ResponseTooLargeException;
import dev.usagemonitor.config.MonitorProperties;

import org.springframework.stereotype.Component;

/**
 * Sends the collection requests with the limits of {@code monitor.http}: a connect
 * timeout, a timeout for the whole response including its body, and a cap on the body
 * size. Redirects are not followed, so that a redirect is classified instead of read.
 */
@Component
class UsageHttpClient {

	private static final Logger logger = LoggerFactory.getLogger(UsageHttpClient.class);

	static final String USER_AGENT = "claude-usage-monitor/0.1";

	private final HttpClient client;

	private final MonitorProperties.Http limits;

	private final Clock clock;

	private final SecretRedactor redactor;

	UsageHttpClient(MonitorProperties properties, Clock clock, SecretRedactor redactor) {
		this.limits = properties.http();
		this.clock = clock;
		this.redactor = redactor;
		this.client = HttpClient.newBuilder()
			.connectTimeout(this.limits.connectTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	/**
	 * Sends a request and records its response in the context, whatever its status.
	 * @throws CollectionFailedException with {@code network_error} when no response
	 * arrived in time, or {@code format_changed} when the response was larger than the
	 * cap
	 */
	ReceivedResponse send(HttpRequest.Builder builder, FetchContext context) {
		HttpRequest request = builder.timeout(this.limits.requestTimeout()).header("User-Agent", USER_AGENT).build();
		long limit = this.limits.maxResponseSize().toBytes();
		CompletableFuture<HttpResponse<byte[]>> future = this.client.sendAsync(request,
				(info) -> new LimitedBodySubscriber(limit));
		HttpResponse<byte[]> httpResponse = await(future, request);
		ReceivedResponse response = new ReceivedResponse(request.method(), request.uri(), httpResponse.statusCode(),
				httpResponse.headers(), new String(httpResponse.body(), StandardCharsets.UTF_8), this.clock.instant());
		logger.debug("{} {} returned HTTP {} for account {}", request.method(), request.uri().getRawPath(),
				response.status(), context.account().name());
		context.record(response);
		return response;
	}

	private HttpResponse<byte[]> await(CompletableFuture<HttpResponse<byte[]>> future, HttpRequest request) {
		Duration timeout = this.limits.requestTimeout();
		try {
			return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			future.cancel(true);
			throw networkError(request, "no complete response within " + describe(timeout), ex);
		}
		catch (InterruptedException ex) {
			future.cancel(true);
			Thread.currentThread().interrupt();
			throw networkError(request, "the request was interrupted", ex);
		}
		catch (ExecutionException ex) {
			throw failure(request, ex.getCause());
		}
	}

	private CollectionFailedException failure(HttpRequest request, Throwable cause) {
		if (cause instanceof ResponseTooLargeException) {
			return new CollectionFailedException(CollectionStatus.FORMAT_CHANGED,
					host(request) + " sent a response larger than monitor.http.max-response-size ("
							+ this.limits.maxResponseSize() + "); raise the limit if the usage format grew",
					null, null, cause);
		}
		if (cause instanceof HttpConnectTimeoutException) {
			return networkError(request, "no connection within " + describe(this.limits.connectTimeout())
					+ " (monitor.http.connect-timeout)", cause);
		}
		if (cause instanceof HttpTimeoutException) {
			return networkError(request,
					"no response within " + describe(this.limits.requestTimeout()) + " (monitor.http.request-timeout)",
					cause);
		}
		String reason = (cause instanceof IOException && cause.getMessage() != null) ? cause.getMessage()
				: cause.getClass().getSimpleName();
		return networkError(request, reason, cause);
	}

	private CollectionFailedException networkError(HttpRequest request, String reason, Throwable cause) {
		String message = "Could not reach " + host(request) + ": " + this.redactor.redact(reason)
				+ "; check the network and the base URL, the next cycle retries";
		return new CollectionFailedException(CollectionStatus.NETWORK_ERROR, message, null, null, cause);
	}

	private static String host(HttpRequest request) {
		return request.uri().getScheme() + "://" + request.uri().getRawAuthority();
	}

	private static String describe(Duration duration) {
		return (duration.toMillis() % 1000 == 0) ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
	}

}
