package dev.usagemonitor.cycle;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /}: the cron entry point. Any body (empty, plain JSON or a CloudEvent) runs
 * one cycle.
 */
@RestController
class CycleController {

	private final MonitoringCycle cycle;

	CycleController(MonitoringCycle cycle) {
		this.cycle = cycle;
	}

	@PostMapping(path = "/", produces = MediaType.APPLICATION_JSON_VALUE)
	CycleSummary runCycle(@RequestBody(required = false) byte[] body) {
		return this.cycle.run();
	}

}
