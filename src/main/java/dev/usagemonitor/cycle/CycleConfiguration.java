package dev.usagemonitor.cycle;

import dev.usagemonitor.store.StoreLocks;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Beans of the cron entry point.
 */
@Configuration(proxyBeanMethods = false)
class CycleConfiguration {

	/**
	 * Returns the cycle lock: within the process for SQLite, which has one writing
	 * process, and across every replica for a shared PostgreSQL store.
	 */
	@Bean
	CycleLock cycleLock(StoreLocks storeLocks) {
		InProcessCycleLock local = new InProcessCycleLock();
		return storeLocks.shared() ? new SharedCycleLock(local, storeLocks) : local;
	}

}
