package dev.usagemonitor.collect;

import java.time.Instant;

/**
 * A collection attempt that ended without usage: carries the one status and operator
 * message stored for the attempt. Messages never contain a secret.
 */
public class CollectionFailedException extends RuntimeException {

	private final CollectionStatus status;

	private final Integer httpStatus;

	private final Instant retryAfter;

	public CollectionFailedException(CollectionStatus status, String message, Integer httpStatus) {
		this(status, message, httpStatus, null, null);
	}

	public CollectionFailedException(CollectionStatus status, String message, Integer httpStatus, Instant retryAfter,
			Throwable cause) {
		super(message, cause);
		this.status = status;
		this.httpStatus = httpStatus;
		this.retryAfter = retryAfter;
	}

	/**
	 * Returns the status to store for the attempt.
	 */
	public CollectionStatus status() {
		return this.status;
	}

	/**
	 * Returns the status of the HTTP response that failed, or {@code null} when none
	 * arrived.
	 */
	public Integer httpStatus() {
		return this.httpStatus;
	}

	/**
	 * Returns the earliest retry instant the server asked for, or {@code null} when it
	 * named none (a {@code retry-after: 0} counts as none).
	 */
	public Instant retryAfter() {
		return this.retryAfter;
	}

}
