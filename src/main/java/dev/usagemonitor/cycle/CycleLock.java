package dev.usagemonitor.cycle;

import java.time.Duration;
import java.util.Optional;

/**
 * Mutual exclusion of monitoring cycles: at most one cycle runs at a time.
 * <p>
 * With SQLite, {@link InProcessCycleLock} covers the one process the store allows. With
 * PostgreSQL, {@link SharedCycleLock} adds an advisory lock, so at most one cycle runs
 * across all replicas.
 */
public interface CycleLock {

	/**
	 * Acquires the lock, waiting at most {@code wait}.
	 * @return the lease to close when the cycle is over, or empty when another cycle
	 * still holds the lock after the wait
	 * @throws InterruptedException when the waiting thread is interrupted
	 */
	Optional<Lease> tryAcquire(Duration wait) throws InterruptedException;

	/**
	 * A held lock; closing it releases the lock. Closing twice has no effect.
	 */
	interface Lease extends AutoCloseable {

		@Override
		void close();

	}

}
