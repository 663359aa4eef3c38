package dev.usagemonitor;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/**
 * Entry point of the Claude usage monitor: collects plan usage, evaluates thresholds,
 * sends notifications and serves the dashboard.
 */
@SpringBootApplication(proxyBeanMethods = false)
@ConfigurationPropertiesScan
public class UsageMonitorApplication {

	public static void main(String[] args) {
		SpringApplication.run(UsageMonitorApplication.class, args);
	}

	/**
	 * Clock used for every time calculation, so tests can pin time with
	 * {@link Clock#fixed}.
	 */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
