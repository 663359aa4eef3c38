package dev.usagemonitor.cycle;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Maps failures of {@code POST /} to status codes that Knative PingSource handles well:
 * it retries 503 (five times within about three seconds) but never 500. Bodies are RFC
 * 9457 problem details. Ordered first, so that these handlers win over the global ones
 * for {@code POST /}.
 */
@RestControllerAdvice(assignableTypes = CycleController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class CycleErrorHandler {

	private static final Logger logger = LoggerFactory.getLogger(CycleErrorHandler.class);

	private final CycleProperties properties;

	CycleErrorHandler(CycleProperties properties) {
		this.properties = properties;
	}

	@ExceptionHandler(MalformedCloudEventException.class)
	ResponseEntity<ProblemDetail> malformedCloudEvent(MalformedCloudEventException ex) {
		logger.warn("Rejected a cycle request: {}", ex.getMessage());
		return ResponseEntity.badRequest()
			.body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage()));
	}

	@ExceptionHandler(CycleBusyException.class)
	ResponseEntity<ProblemDetail> cycleBusy(CycleBusyException ex) {
		logger.info("Returned 503 for a cycle request: {}", ex.getMessage());
		return unavailable(ex.getMessage());
	}

	@ExceptionHandler(RuntimeException.class)
	ResponseEntity<ProblemDetail> cycleFailed(RuntimeException ex) {
		if (StoreFailures.isTemporarilyUnavailable(ex)) {
			logger.warn("Returned 503 for a cycle request because the database is locked or unavailable: {}",
					NestedExceptionUtils.getMostSpecificCause(ex).getMessage());
			return unavailable("The database is locked or unavailable; retry later");
		}
		logger.error("A cycle request failed", ex);
		return ResponseEntity.internalServerError()
			.body(ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
					"The cycle request failed; the application log has the cause"));
	}

	private ResponseEntity<ProblemDetail> unavailable(String detail) {
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, Long.toString(this.properties.retryAfterSeconds()))
			.body(ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail));
	}

}
