package dev.usagemonitor.alert;

import java.nio.charset.StandardCharsets;
import java.util.function.Function;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The alert functions, served by Spring Cloud Function at {@code /<bean name>}.
 */
@Configuration(proxyBeanMethods = false)
class AlertFunctions {

	/**
	 * {@code POST /evaluateThresholds}: evaluates the latest stored data of every
	 * configured account, or of the one named in a {@code {"account":"name"}} body, and
	 * returns the events. The body is read here rather than by the function framework so
	 * that an empty body works.
	 * <p>
	 * NOTE: Spring Cloud Function also maps {@code GET /evaluateThresholds} to this
	 * function, and the input does not tell GET from an empty POST, so a GET evaluates
	 * too.
	 */
	@Bean
	Function<Message<byte[]>, EvaluationResult> evaluateThresholds(OnDemandEvaluation evaluation, JsonMapper json) {
		return (message) -> evaluation.evaluate(read(json, message.getPayload()).account());
	}

	private static EvaluationRequest read(JsonMapper json, byte[] body) {
		if (body == null || new String(body, StandardCharsets.UTF_8).isBlank()) {
			return new EvaluationRequest(null);
		}
		try {
			return json.readValue(body, EvaluationRequest.class);
		}
		catch (JacksonException ex) {
			throw new InvalidRequestException(
					"Invalid body for evaluateThresholds: send nothing, {} or {\"account\":\"name\"} ("
							+ ex.getOriginalMessage() + ")",
					ex);
		}
	}

}
