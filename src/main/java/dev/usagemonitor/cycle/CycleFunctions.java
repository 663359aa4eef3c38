package dev.usagemonitor.cycle;

import java.util.function.Supplier;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The functions of the cycle, exported by Spring Cloud Function at {@code /<bean name>}.
 */
@Configuration(proxyBeanMethods = false)
class CycleFunctions {

	/**
	 * {@code GET /scrapeUsage}: collects and stores every account and returns the summary
	 * per account. It waits for a running cycle like {@code POST /} does, and answers 503
	 * when that cycle outlasts the wait.
	 */
	@Bean
	Supplier<CycleSummary> scrapeUsage(CycleCoordinator coordinator) {
		return coordinator::scrape;
	}

}
