package dev.usagemonitor.query;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.dao.DataAccessException;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the hourly and daily rows of {@code window_rollups} up to date with
 * {@code window_observations}. The update is incremental: it folds every observation
 * whose id is above the stored watermark into its buckets and then moves the watermark.
 * It runs lazily before each history read from the rollups (a no-op costing two key
 * lookups when nothing is new), and the collection cycle may call {@link #refresh()}
 * after storing observations so that reads never have to write.
 * <p>
 * NOTE: the watermark assumes that observation ids become visible in increasing order.
 * SQLite has one writer at a time, so this is true there. On PostgreSQL two cycles that
 * commit out of id order could leave an observation out of the rollups.
 */
@Component
public class UsageRollups {

	private static final Logger logger = LoggerFactory.getLogger(UsageRollups.class);

	/**
	 * Observations folded per transaction, so that a large backlog (after an upgrade)
	 * never holds the SQLite write lock for more than about a second on a small machine.
	 */
	static final long CHUNK = 50_000;

	private static final String FOLD = """
			INSERT INTO window_rollups (account_id, window_id, grain_ms, bucket_start, min_utilization,
			    max_utilization, last_utilization, last_observed_at, last_resets_at, samples)
			SELECT account_id, window_id, :grain, bucket, MIN(utilization), MAX(utilization),
			    MAX(CASE WHEN newest = 1 THEN utilization END), MAX(observed_at),
			    MAX(CASE WHEN newest = 1 THEN resets_at END), COUNT(utilization)
			FROM (
			    SELECT account_id, window_id, utilization, observed_at, resets_at,
			        (observed_at / :grain) * :grain AS bucket,
			        ROW_NUMBER() OVER (PARTITION BY account_id, window_id, observed_at / :grain
			            ORDER BY observed_at DESC, id DESC) AS newest
			    FROM window_observations WHERE id > :after AND id <= :upTo
			) fresh
			WHERE 1 = 1
			GROUP BY account_id, window_id, bucket
			ON CONFLICT (account_id, grain_ms, bucket_start, window_id) DO UPDATE SET
			    min_utilization = CASE WHEN window_rollups.min_utilization IS NULL
			        OR excluded.min_utilization < window_rollups.min_utilization
			        THEN excluded.min_utilization ELSE window_rollups.min_utilization END,
			    max_utilization = CASE WHEN window_rollups.max_utilization IS NULL
			        OR excluded.max_utilization > window_rollups.max_utilization
			        THEN excluded.max_utilization ELSE window_rollups.max_utilization END,
			    last_utilization = CASE WHEN excluded.last_observed_at >= window_rollups.last_observed_at
			        THEN excluded.last_utilization ELSE window_rollups.last_utilization END,
			    last_resets_at = CASE WHEN excluded.last_observed_at >= window_rollups.last_observed_at
			        THEN excluded.last_resets_at ELSE window_rollups.last_resets_at END,
			    last_observed_at = CASE WHEN excluded.last_observed_at >= window_rollups.last_observed_at
			        THEN excluded.last_observed_at ELSE window_rollups.last_observed_at END,
			    samples = window_rollups.samples + excluded.samples
			""";

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final ReentrantLock folding = new ReentrantLock();

	UsageRollups(JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * Folds every observation stored since the last refresh into the hourly and daily
	 * rollups, in transactions of at most {@link #CHUNK} observations. Concurrent callers
	 * are safe: the watermark moves with a conditional update, so only one of them folds
	 * a given range.
	 * @return whether new observations were folded in
	 */
	public boolean refresh() {
		this.folding.lock();
		try {
			return foldAll();
		}
		finally {
			this.folding.unlock();
		}
	}

	/**
	 * Folds new observations before a chart is read, unless another thread of this
	 * application is already folding. A failure, such as SQLite staying locked by a cycle
	 * for longer than its busy timeout, is logged and the chart is read from the rollups
	 * as they are, at most one backlog behind.
	 */
	void refreshBeforeRead() {
		if (!this.folding.tryLock()) {
			return;
		}
		try {
			foldAll();
		}
		catch (DataAccessException ex) {
			logger.warn("Could not bring the usage rollups up to date before a chart read; showing them as stored", ex);
		}
		finally {
			this.folding.unlock();
		}
	}

	private boolean foldAll() {
		long newest = newestObservationId();
		boolean folded = false;
		long after = watermark();
		while (after < newest) {
			long upTo = chunkEnd(after, newest);
			folded |= Boolean.TRUE.equals(this.transactions.execute((status) -> foldUpTo(upTo)));
			after = watermark();
		}
		return folded;
	}

	/**
	 * Folds the observations stored while the application was down, in the background, so
	 * that the first chart after an upgrade or a long pause does not wait for it.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void refreshAfterStart() {
		Thread thread = new Thread(() -> {
			try {
				long began = System.nanoTime();
				if (refresh()) {
					logger.info("Brought the usage rollups up to date in {} ms after start",
							(System.nanoTime() - began) / 1_000_000);
				}
			}
			catch (RuntimeException ex) {
				logger.warn("Could not bring the usage rollups up to date after start; the next chart read retries",
						ex);
			}
		}, "usage-rollups");
		thread.setDaemon(true);
		thread.start();
	}

	private boolean foldUpTo(long upTo) {
		long after = watermark();
		int moved = this.jdbc.sql("""
				UPDATE window_rollup_progress SET last_observation_id = :upTo, updated_at = :now
				WHERE id = 1 AND last_observation_id = :after AND last_observation_id < :upTo
				""").param("upTo", upTo).param("now", this.clock.millis()).param("after", after).update();
		if (moved == 0) {
			return false;
		}
		for (RollupGrain grain : new RollupGrain[] { RollupGrain.HOUR, RollupGrain.DAY }) {
			this.jdbc.sql(FOLD).param("grain", grain.millis()).param("after", after).param("upTo", upTo).update();
		}
		logger.debug("Folded observations {} to {} into the usage rollups", after + 1, upTo);
		return true;
	}

	private long chunkEnd(long after, long newest) {
		List<Long> end = this.jdbc
			.sql("SELECT id FROM window_observations WHERE id > :after ORDER BY id LIMIT 1 OFFSET :skip")
			.param("after", after)
			.param("skip", CHUNK - 1)
			.query(Long.class)
			.list();
		return end.isEmpty() ? newest : Math.min(end.get(0), newest);
	}

	private long newestObservationId() {
		return this.jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM window_observations").query(Long.class).single();
	}

	private long watermark() {
		return this.jdbc.sql("SELECT last_observation_id FROM window_rollup_progress WHERE id = 1")
			.query(Long.class)
			.single();
	}

}
