package dev.usagemonitor.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server on a loopback port that replaces claude.ai, the OAuth endpoints and
 * chat services in tests. Each path has a queue of canned responses; the last response of
 * a queue is repeated once the others are used up. Every request is recorded.
 */
public final class StubServer implements AutoCloseable {

	private final HttpServer server;

	private final Map<String, Deque<StubResponse>> responses = new ConcurrentHashMap<>();

	private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();

	private StubServer(HttpServer server) {
		this.server = server;
	}

	/**
	 * Starts a server on a free loopback port.
	 */
	public static StubServer start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			StubServer stub = new StubServer(server);
			server.createContext("/", stub::handle);
			server.setExecutor(Executors.newCachedThreadPool());
			server.start();
			return stub;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Returns the base URL, for example {@code http://127.0.0.1:41234}.
	 */
	public URI baseUrl() {
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort());
	}

	/**
	 * Queues responses for a path (without query string). Replaces earlier ones for that
	 * path.
	 */
	public StubServer on(String path, StubResponse... queued) {
		this.responses.put(path, new ArrayDeque<>(List.of(queued)));
		return this;
	}

	/**
	 * Returns the requests received so far, oldest first.
	 */
	public List<RecordedRequest> requests() {
		return List.copyOf(this.requests);
	}

	/**
	 * Returns the requests received for one path, oldest first.
	 */
	public List<RecordedRequest> requests(String path) {
		return this.requests.stream().filter((request) -> request.path().equals(path)).toList();
	}

	/**
	 * Forgets every queued response and recorded request, so that a server shared by
	 * several tests starts each one empty.
	 */
	public StubServer reset() {
		this.responses.clear();
		this.requests.clear();
		return this;
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			byte[] body = readAll(exchange.getRequestBody());
			String path = exchange.getRequestURI().getPath();
			this.requests.add(new RecordedRequest(exchange.getRequestMethod(), path,
					exchange.getRequestURI().getRawQuery(), headers(exchange), body));
			StubResponse response = next(path);
			if (response.delay() != null) {
				sleep(response.delay());
			}
			response.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
			byte[] out = response.body();
			exchange.sendResponseHeaders(response.status(), (out.length == 0) ? -1 : out.length);
			if (out.length > 0) {
				try (OutputStream stream = exchange.getResponseBody()) {
					stream.write(out);
				}
			}
		}
	}

	private StubResponse next(String path) {
		Deque<StubResponse> queue = this.responses.get(path);
		if (queue == null || queue.isEmpty()) {
			return StubResponse.status(404).body("no stub for " + path);
		}
		synchronized (queue) {
			return (queue.size() > 1) ? queue.poll() : queue.peek();
		}
	}

	private static Map<String, String> headers(HttpExchange exchange) {
		Map<String, String> headers = new LinkedHashMap<>();
		exchange.getRequestHeaders()
			.forEach((name, values) -> headers.put(name.toLowerCase(java.util.Locale.ROOT), String.join(",", values)));
		return headers;
	}

	private static byte[] readAll(InputStream stream) throws IOException {
		return stream.readAllBytes();
	}

	private static void sleep(Duration delay) {
		try {
			Thread.sleep(delay.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	/**
	 * A request as received.
	 *
	 * @param method HTTP method
	 * @param path path without query string
	 * @param query raw query string, or {@code null}
	 * @param headers headers with lower-case names
	 * @param body raw body
	 */
	public record RecordedRequest(String method, String path, String query, Map<String, String> headers, byte[] body) {

		/**
		 * Returns the body decoded as UTF-8.
		 */
		public String bodyText() {
			return new String(this.body, StandardCharsets.UTF_8);
		}

		/**
		 * Returns a header value, or {@code null}.
		 */
		public String header(String name) {
			return this.headers.get(name.toLowerCase(java.util.Locale.ROOT));
		}

	}

	/**
	 * A canned response.
	 *
	 * @param status HTTP status
	 * @param headers response headers
	 * @param body response body
	 * @param delay time to wait before responding, or {@code null}
	 */
	public record StubResponse(int status, Map<String, String> headers, byte[] body, Duration delay) {

		public static StubResponse status(int status) {
			return new StubResponse(status, Map.of(), new byte[0], null);
		}

		/**
		 * Returns a JSON response with the given body.
		 */
		public static StubResponse json(int status, String json) {
			return status(status).header("Content-Type", "application/json").body(json);
		}

		/**
		 * Returns a JSON response whose body is a fixture file.
		 */
		public static StubResponse fixture(int status, String fixture) {
			return json(status, Fixtures.text(fixture));
		}

		public StubResponse header(String name, String value) {
			Map<String, String> copy = new LinkedHashMap<>(this.headers);
			copy.put(name, value);
			return new StubResponse(this.status, copy, this.body, this.delay);
		}

		public StubResponse body(String text) {
			return new StubResponse(this.status, this.headers, text.getBytes(StandardCharsets.UTF_8), this.delay);
		}

		public StubResponse delayed(Duration wait) {
			return new StubResponse(this.status, this.headers, this.body, wait);
		}

		/**
		 * Returns the headers as a list of name and value pairs, for assertions.
		 */
		public List<String> headerLines() {
			List<String> lines = new ArrayList<>();
			this.headers.forEach((name, value) -> lines.add(name + ": " + value));
			return lines;
		}

	}

}
