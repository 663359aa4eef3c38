package dev.usagemonitor.cycle;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Returns 503 with {@code Retry-After} when a function such as {@code scrapeUsage} waited
 * for the cycle lock in vain. {@link CycleErrorHandler} does the same for {@code POST /}.
 */
@RestControllerAdvice
class CycleBusyHandler {

	private static final Logger logger = LoggerFactory.getLogger(CycleBusyHandler.class);

	private final CycleProperties properties;

	CycleBusyHandler(CycleProperties properties) {
		this.properties = properties;
	}

	@ExceptionHandler(CycleBusyException.class)
	ResponseEntity<ProblemDetail> cycleBusy(CycleBusyException ex) {
		logger.info("Returned 503 for a function request: {}", ex.getMessage());
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, Long.toString(this.properties.retryAfterSeconds()))
			.body(ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, ex.getMessage()));
	}

}
