package dev.usagemonitor.cycle;

import java.io.InputStream;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /}: the cron entry point. Runs one monitoring cycle and returns its summary
 * as JSON.
 * <p>
 * Accepts a CloudEvent in binary or structured mode (Knative PingSource), an empty body
 * (OpenFaaS cron connector) and any other body ({@code kn func invoke}); see
 * {@link CloudEventReader}. The response is plain JSON and never carries {@code ce-*}
 * headers, so a broker does not take it for a new event. Status codes suit PingSource,
 * which retries 503 but not 500: 200 when the cycle ran (even when an account failed,
 * which the summary reports), 400 for an invalid CloudEvent, 503 with {@code Retry-After}
 * while another cycle runs or the database is locked or unreachable (see
 * {@link CycleErrorHandler}).
 */
@RestController
class CycleController {

	private final CloudEventReader reader;

	private final CycleCoordinator coordinator;

	CycleController(CloudEventReader reader, CycleCoordinator coordinator) {
		this.reader = reader;
		this.coordinator = coordinator;
	}

	@PostMapping("/")
	ResponseEntity<String> runCycle(@RequestHeader HttpHeaders headers, InputStream body) {
		CycleTrigger trigger = this.reader.read(headers, body);
		CycleOutcome outcome = this.coordinator.run(trigger);
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(outcome.summaryJson());
	}

}
