package dev.usagemonitor.cycle;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import dev.usagemonitor.UsageMonitorApplication;
import dev.usagemonitor.support.CommandLine;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One running instance of the whole application on a random port, as one replica of a
 * deployment would be.
 */
final class Replica implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	private final HttpClient client = HttpClient.newHttpClient();

	private Replica(ConfigurableApplicationContext context) {
		this.context = context;
	}

	/**
	 * Starts an instance with the given {@code key=value} properties.
	 */
	static Replica start(List<String> properties) {
		String[] arguments = CommandLine.arguments(properties.toArray(String[]::new));
		return new Replica(new SpringApplicationBuilder(UsageMonitorApplication.class).run(arguments));
	}

	<T> T bean(Class<T> type) {
		return this.context.getBean(type);
	}

	/**
	 * Sends a request to the instance without waiting for the response.
	 */
	CompletableFuture<HttpResponse<String>> send(HttpRequest.Builder request) {
		return this.client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	HttpRequest.Builder request(String path) {
		String port = this.context.getEnvironment().getProperty("local.server.port");
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
	}

	@Override
	public void close() {
		this.context.close();
	}

}
