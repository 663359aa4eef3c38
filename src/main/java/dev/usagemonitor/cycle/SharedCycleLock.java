package dev.usagemonitor.cycle;

import java.time.Duration;
import java.util.Optional;

import dev.usagemonitor.store.StoreLocks;

/**
 * A {@link CycleLock} for several processes sharing one PostgreSQL store. Requests within
 * a process first queue on an {@link InProcessCycleLock}, so they wait in order without
 * each holding a database connection. The one at the front then takes the store lock
 * {@value #LOCK_NAME} with the rest of the wait. The store lock is released when the
 * lease closes or when the process loses its connection, so a crashed replica never
 * blocks the others.
 */
class SharedCycleLock implements CycleLock {

	static final String LOCK_NAME = "monitoring-cycle";

	private final InProcessCycleLock local;

	private final StoreLocks store;

	SharedCycleLock(InProcessCycleLock local, StoreLocks store) {
		this.local = local;
		this.store = store;
	}

	@Override
	public Optional<Lease> tryAcquire(Duration wait) throws InterruptedException {
		long deadline = System.nanoTime() + wait.toNanos();
		Optional<Lease> localLease = this.local.tryAcquire(wait);
		if (localLease.isEmpty()) {
			return Optional.empty();
		}
		Optional<StoreLocks.Lease> storeLease = Optional.empty();
		try {
			Duration remaining = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
			storeLease = this.store.tryLock(LOCK_NAME, remaining);
		}
		finally {
			if (storeLease.isEmpty()) {
				localLease.get().close();
			}
		}
		return storeLease.map((held) -> both(held, localLease.get()));
	}

	private static Lease both(StoreLocks.Lease storeLease, Lease localLease) {
		return () -> {
			try {
				storeLease.close();
			}
			finally {
				localLease.close();
			}
		};
	}

}
