package dev.usagemonitor.transcript.push;

import org.springframework.http.HttpStatus;

/**
 * Raised when a push cannot be accepted; carries the HTTP status and a message for the
 * sender that never contains a token.
 */
public class PushRejectedException extends RuntimeException {

	private final HttpStatus status;

	PushRejectedException(HttpStatus status, String message) {
		super(message);
		this.status = status;
	}

	PushRejectedException(HttpStatus status, String message, Throwable cause) {
		super(message, cause);
		this.status = status;
	}

	/**
	 * Returns the HTTP status of the response.
	 */
	public HttpStatus status() {
		return this.status;
	}

}
