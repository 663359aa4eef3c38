import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Stand-in for the remote services a cycle calls, on 127.0.0.1 and a free port. It serves
 * the usage fixture at {@code GET /api/oauth/usage} (oauth accounts) and at
 * {@code GET /api/organizations/<uuid>/usage} (claude-web accounts), the organization list at
 * {@code GET /api/organizations}, and accepts webhook posts under {@code /hooks/} with 204.
 */
final class UsageStub implements AutoCloseable {

	static final String USAGE_FIXTURE = "claude-usage-2026.json";

	static final String ORGANIZATIONS_FIXTURE = "claude-orgs-single.json";

	private final HttpServer server;

	private final AtomicInteger webhooks = new AtomicInteger();

	private UsageStub(HttpServer server) {
		this.server = server;
	}

	/**
	 * Starts the stub with the fixtures of the given folder.
	 * @throws IOException when a fixture cannot be read or no port can be bound
	 */
	static UsageStub start(Path fixtures) throws IOException {
		byte[] usage = Files.readAllBytes(fixtures.resolve(USAGE_FIXTURE));
		byte[] organizations = Files.readAllBytes(fixtures.resolve(ORGANIZATIONS_FIXTURE));
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
		UsageStub stub = new UsageStub(server);
		server.createContext("/api/oauth/usage", (exchange) -> reply(exchange, 200, usage));
		server.createContext("/api/organizations", (exchange) -> {
			boolean list = exchange.getRequestURI().getPath().replaceAll("/+$", "").equals("/api/organizations");
			reply(exchange, 200, list ? organizations : usage);
		});
		server.createContext("/hooks/", (exchange) -> {
			stub.webhooks.incrementAndGet();
			reply(exchange, 204, null);
		});
		server.start();
		return stub;
	}

	/** Returns the base URL, such as {@code http://127.0.0.1:41234}. */
	String baseUrl() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	/** Returns the number of webhook posts received so far. */
	int webhooksReceived() {
		return this.webhooks.get();
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	private static void reply(HttpExchange exchange, int status, byte[] body) throws IOException {
		try (InputStream request = exchange.getRequestBody()) {
			request.readAllBytes();
		}
		if (body == null) {
			exchange.sendResponseHeaders(status, -1);
		}
		else {
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(status, body.length);
			exchange.getResponseBody().write(body);
		}
		exchange.close();
	}

}
