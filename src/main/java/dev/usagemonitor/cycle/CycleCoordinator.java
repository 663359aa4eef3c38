package dev.usagemonitor.cycle;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;

/**
 * Runs {@link MonitoringCycle monitoring cycles} for the cron entry point, one at a time,
 * and returns the stored summary instead when a CloudEvent is delivered again.
 * <p>
 * Knative Eventing delivers at least once, so the same event (same {@code source} and
 * {@code id}) can arrive again, for example when the first response was lost. Such a
 * redelivery within {@link CycleProperties#replayWindow()} returns the summary stored for
 * the first delivery. Requests without a CloudEvent identity always run a cycle.
 */
@Service
public class CycleCoordinator {

	private static final Logger logger = LoggerFactory.getLogger(CycleCoordinator.class);

	private final MonitoringCycle cycle;

	private final CycleLock lock;

	private final CycleDeliveryRepository deliveries;

	private final CycleProperties properties;

	private final JsonMapper jsonMapper;

	private final Clock clock;

	CycleCoordinator(MonitoringCycle cycle, CycleLock lock, CycleDeliveryRepository deliveries,
			CycleProperties properties, JsonMapper jsonMapper, Clock clock) {
		this.cycle = cycle;
		this.lock = lock;
		this.deliveries = deliveries;
		this.properties = properties;
		this.jsonMapper = jsonMapper;
		this.clock = clock;
	}

	/**
	 * Runs a cycle for the trigger, or returns the stored summary when the trigger is a
	 * CloudEvent that already ran one.
	 * @throws CycleBusyException when another cycle is still running after
	 * {@link CycleProperties#lockWait()}
	 * @throws DataAccessException when the store fails, for example because the database
	 * is locked
	 */
	public CycleOutcome run(CycleTrigger trigger) {
		Optional<CycleOutcome> replay = replay(trigger);
		if (replay.isPresent()) {
			return replay.get();
		}
		try (CycleLock.Lease lease = acquireLock()) {
			// The delivery may have completed while this request waited for the lock.
			return replay(trigger).orElseGet(() -> runCycle(trigger));
		}
	}

	/**
	 * Collects and stores every account without evaluating or notifying, under the cycle
	 * lock, so that it never collects at the same time as a cycle.
	 * @throws CycleBusyException when another cycle is still running after
	 * {@link CycleProperties#lockWait()}
	 */
	public CycleSummary scrape() {
		try (CycleLock.Lease lease = acquireLock()) {
			return this.cycle.scrape();
		}
	}

	private Optional<CycleOutcome> replay(CycleTrigger trigger) {
		if (!trigger.isCloudEvent()) {
			return Optional.empty();
		}
		// NOTE: deliveries are keyed by source and id only, so the same PingSource tick
		// sent
		// again under a new id (not one of the adapter's own retries) runs a second
		// cycle.
		Instant notBefore = this.clock.instant().minus(this.properties.replayWindow());
		Optional<String> summary = this.deliveries.findSummary(trigger, notBefore);
		summary.ifPresent((json) -> logger.info(
				"CloudEvent {} from {} was delivered again; returning the summary of its cycle without running another",
				trigger.eventId(), trigger.eventSource()));
		return summary.map((json) -> new CycleOutcome(json, true));
	}

	private CycleLock.Lease acquireLock() {
		try {
			return this.lock.tryAcquire(this.properties.lockWait())
				.orElseThrow(() -> new CycleBusyException(this.properties.lockWait()));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new CycleBusyException(this.properties.lockWait());
		}
	}

	private CycleOutcome runCycle(CycleTrigger trigger) {
		Instant received = this.clock.instant();
		deleteExpiredDeliveries(received);
		CycleSummary summary = this.cycle.run();
		String json = this.jsonMapper.writeValueAsString(summary);
		if (trigger.isCloudEvent()) {
			logger.info("Cycle {} ran for CloudEvent {} ({} from {}, time {})", summary.cycleId(), trigger.eventId(),
					trigger.eventType(), trigger.eventSource(), trigger.eventTime());
			recordDelivery(trigger, summary.cycleId(), json, received);
		}
		else {
			logger.info("Cycle {} ran for a plain {} request", summary.cycleId(), trigger.eventType());
		}
		return new CycleOutcome(json, false);
	}

	/**
	 * Deletes deliveries older than the replay window. Because this is a write, a locked
	 * database fails the request here, with 503, before any account is contacted.
	 */
	private void deleteExpiredDeliveries(Instant now) {
		int deleted = this.deliveries.deleteReceivedBefore(now.minus(this.properties.replayWindow()));
		logger.debug("Deleted {} deliveries older than the replay window", deleted);
	}

	/**
	 * Stores the summary for redeliveries. A failure here is logged, not raised: the
	 * cycle ran, so the request succeeds, and only the protection against a second run is
	 * lost.
	 */
	private void recordDelivery(CycleTrigger trigger, String cycleId, String json, Instant received) {
		try {
			this.deliveries.record(trigger, cycleId, json, received);
		}
		catch (DataAccessException ex) {
			logger.warn("Cycle {} ran but CloudEvent {} from {} could not be recorded; a redelivery will run "
					+ "another cycle", cycleId, trigger.eventId(), trigger.eventSource(), ex);
		}
	}

}
