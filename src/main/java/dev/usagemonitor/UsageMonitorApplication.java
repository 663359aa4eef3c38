package dev.usagemonitor;

import java.time.Clock;

import dev.usagemonitor.store.SqliteCopyCommand;
import dev.usagemonitor.transcript.importer.ImportCommand;

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

	/**
	 * Starts the monitor. With {@code --migrate-from=<sqlite file>} it copies that file
	 * into the configured PostgreSQL database instead, and with {@code --import} it
	 * imports transcripts; both exit without starting the web server.
	 */
	public static void main(String[] args) {
		if (SqliteCopyCommand.isRequested(args)) {
			System.exit(SqliteCopyCommand.run(args, System.out, System.err, UsageMonitorApplication.class));
		}
		if (ImportCommand.isRequested(args)) {
			System.exit(ImportCommand.run(args));
		}
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
