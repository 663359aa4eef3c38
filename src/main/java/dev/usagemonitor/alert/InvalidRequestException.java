package dev.usagemonitor.alert;

/**
 * Thrown when the body of an alert function cannot be read.
 */
public class InvalidRequestException extends RuntimeException {

	InvalidRequestException(String message, Throwable cause) {
		super(message, cause);
	}

}
