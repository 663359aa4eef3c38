package dev.usagemonitor.alert;

import java.util.function.Function;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The alert functions, served by Spring Cloud Function at {@code /<bean name>}.
 */
@Configuration(proxyBeanMethods = false)
class AlertFunctions {

	/**
	 * {@code POST /evaluateThresholds}: evaluates the latest stored data of every
	 * configured account, or of the one named in the body, and returns the events.
	 */
	@Bean
	Function<EvaluationRequest, EvaluationResult> evaluateThresholds(OnDemandEvaluation evaluation) {
		return (request) -> evaluation.evaluate((request != null) ? request.account() : null);
	}

}
