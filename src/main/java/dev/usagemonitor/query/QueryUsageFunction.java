package dev.usagemonitor.query;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import dev.usagemonitor.config.MonitorProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Declares {@code queryUsage}: {@code GET /queryUsage?account=&range=&zone=} or
 * {@code POST /queryUsage} with the same fields in a JSON object. Query parameters win
 * over body fields.
 */
@Configuration(proxyBeanMethods = false)
class QueryUsageFunction {

	static final String REQUEST_PARAMETERS = "http_request_param";

	@Bean
	Function<Message<byte[]>, UsageReport> queryUsage(UsageQueryService service, MonitorProperties monitor,
			JsonMapper json) {
		return (message) -> service.report(UsageQuery.of(parameters(message, json), monitor.zone()));
	}

	static Map<String, Object> parameters(Message<byte[]> message, JsonMapper json) {
		Map<String, Object> parameters = new LinkedHashMap<>(body(message.getPayload(), json));
		if (message.getHeaders().get(REQUEST_PARAMETERS) instanceof Map<?, ?> query) {
			query.forEach((name, value) -> parameters.put(name.toString(), value));
		}
		return parameters;
	}

	private static Map<String, Object> body(byte[] payload, JsonMapper json) {
		if (payload == null || new String(payload, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
			return Map.of();
		}
		try {
			Map<String, Object> fields = new LinkedHashMap<>();
			json.readTree(payload).properties().forEach((field) -> {
				if (!field.getValue().isNull()) {
					fields.put(field.getKey(), field.getValue().asString());
				}
			});
			return fields;
		}
		catch (JacksonException ex) {
			throw new InvalidQueryException("body", "(not a JSON object)",
					"a JSON object such as {\"account\":\"personal\",\"range\":\"7d\",\"zone\":\"UTC\"}");
		}
	}

}
