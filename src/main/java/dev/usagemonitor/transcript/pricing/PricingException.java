package dev.usagemonitor.transcript.pricing;

/**
 * Raised when the price table cannot be read or contains an invalid entry.
 */
public class PricingException extends RuntimeException {

	PricingException(String message) {
		super(message);
	}

	PricingException(String message, Throwable cause) {
		super(message, cause);
	}

}
