package dev.usagemonitor.cycle;

import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The CloudEvents that triggered a cycle, with the summary each cycle returned, so that a
 * redelivery replays the summary instead of running another cycle.
 */
@Repository
class CycleDeliveryRepository {

	private final JdbcClient jdbc;

	CycleDeliveryRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Returns the stored summary of an event received at or after {@code notBefore}.
	 */
	Optional<String> findSummary(CycleTrigger trigger, Instant notBefore) {
		return this.jdbc.sql("""
				SELECT summary FROM cycle_deliveries
				WHERE event_source = :source AND event_id = :id AND received_at >= :notBefore
				""")
			.param("source", trigger.eventSource())
			.param("id", trigger.eventId())
			.param("notBefore", notBefore.toEpochMilli())
			.query(String.class)
			.optional();
	}

	/**
	 * Stores the summary of the cycle an event triggered. A second record of the same
	 * event keeps the first.
	 */
	void record(CycleTrigger trigger, String cycleId, String summaryJson, Instant receivedAt) {
		this.jdbc.sql("""
				INSERT INTO cycle_deliveries (event_source, event_id, event_type, received_at, cycle_id, summary)
				VALUES (:source, :id, :type, :receivedAt, :cycleId, :summary)
				ON CONFLICT (event_source, event_id) DO NOTHING
				""")
			.param("source", trigger.eventSource())
			.param("id", trigger.eventId())
			.param("type", trigger.eventType())
			.param("receivedAt", receivedAt.toEpochMilli())
			.param("cycleId", cycleId)
			.param("summary", summaryJson)
			.update();
	}

	/**
	 * Deletes deliveries received before {@code cutoff} and returns how many were
	 * deleted.
	 */
	int deleteReceivedBefore(Instant cutoff) {
		return this.jdbc.sql("DELETE FROM cycle_deliveries WHERE received_at < :cutoff")
			.param("cutoff", cutoff.toEpochMilli())
			.update();
	}

}
