package dev.usagemonitor.cycle;

import java.time.Duration;

/**
 * Thrown when a cycle was requested while another one kept running for longer than the
 * configured wait. Mapped to 503 with {@code Retry-After}.
 */
public class CycleBusyException extends RuntimeException {

	/**
	 * Creates the exception for a request that waited {@code waited}.
	 */
	public CycleBusyException(Duration waited) {
		super("Another monitoring cycle is still running after waiting " + waited.toMillis()
				+ " ms; retry later or raise monitor.cycle.lock-wait");
	}

}
