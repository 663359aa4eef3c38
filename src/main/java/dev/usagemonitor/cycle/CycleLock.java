package dev.usagemonitor.cycle;

import java.time.Duration;
import java.util.Optional;

/**
 * Mutual exclusion of monitoring cycles: at most one cycle runs at a time.
 * <p>
 * The default implementation, {@link InProcessCycleLock}, covers one process, which is
 * what the SQLite store allows (one writer). A shared store with several replicas needs
 * an implementation whose lock is held in the database (an advisory lock or a lock row),
 * registered as the {@code CycleLock} bean instead.
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
