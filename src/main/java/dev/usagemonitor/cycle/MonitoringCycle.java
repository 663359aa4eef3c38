package dev.usagemonitor.cycle;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;

/**
 * Runs one monitoring cycle: collect every account and store the result.
 */
@Service
public class MonitoringCycle {

	private final Clock clock;

	MonitoringCycle(Clock clock) {
		this.clock = clock;
	}

	/**
	 * Runs a cycle and returns its summary.
	 */
	public CycleSummary run() {
		Instant started = this.clock.instant();
		String cycleId = UUID.randomUUID().toString();
		return new CycleSummary(cycleId, started, this.clock.instant(), List.of());
	}

}
