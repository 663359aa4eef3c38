package dev.usagemonitor.cycle;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A {@link CycleLock} for one process. Waiting requests are served first come, first
 * served. A lease may be released from any thread.
 */
public class InProcessCycleLock implements CycleLock {

	private final Semaphore permit = new Semaphore(1, true);

	@Override
	public Optional<Lease> tryAcquire(Duration wait) throws InterruptedException {
		if (!this.permit.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS)) {
			return Optional.empty();
		}
		AtomicBoolean released = new AtomicBoolean();
		Lease lease = () -> {
			if (released.compareAndSet(false, true)) {
				this.permit.release();
			}
		};
		return Optional.of(lease);
	}

}
