package dev.usagemonitor.query;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Returns 400 for an invalid query parameter, and a message naming the value and the
 * accepted values, instead of the 500 that an exception from a function gives by default.
 */
@RestControllerAdvice
class QueryErrorHandler {

	@ExceptionHandler(InvalidQueryException.class)
	ResponseEntity<Map<String, String>> invalidQuery(InvalidQueryException ex) {
		return ResponseEntity.status(HttpStatus.BAD_REQUEST)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("error", "invalid_" + ex.parameter(), "message", ex.getMessage()));
	}

}
