package dev.usagemonitor.notify;

import java.time.Duration;

/**
 * Waits between two messages to the same channel. Tests replace it with one that moves a
 * test clock forward.
 */
@FunctionalInterface
interface Pause {

	void pause(Duration duration) throws InterruptedException;

	static Pause sleeping() {
		return (duration) -> Thread.sleep(duration.toMillis());
	}

}
