package dev.usagemonitor.cycle;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Beans of the cron entry point.
 */
@Configuration(proxyBeanMethods = false)
class CycleConfiguration {

	// TODO: with several replicas on PostgreSQL, register a database-backed CycleLock
	// here
	// (chosen by DatabaseVendor); this lock only excludes cycles within one process.
	@Bean
	CycleLock cycleLock() {
		return new InProcessCycleLock();
	}

}
