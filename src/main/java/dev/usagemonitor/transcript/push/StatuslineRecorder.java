package dev.usagemonitor.transcript.push;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import dev.usagemonitor.collect.ObservationRepository;
import dev.usagemonitor.collect.UsageWindow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Stores the rate limits that Claude Code reports to its statusline command as
 * observations with source {@code statusline}, beside the collected ones.
 */
@Service
public class StatuslineRecorder {

	/** Source code stored with every statusline observation. */
	public static final String SOURCE = "statusline";

	private static final Logger logger = LoggerFactory.getLogger(StatuslineRecorder.class);

	private final ObservationRepository observations;

	private final JsonMapper mapper;

	private final Clock clock;

	StatuslineRecorder(ObservationRepository observations, JsonMapper mapper, Clock clock) {
		this.observations = observations;
		this.mapper = mapper;
		this.clock = clock;
	}

	/**
	 * Stores the windows of one statusline JSON for an account.
	 * @throws PushRejectedException with 400 when the body is not a JSON object
	 */
	public StatuslineResult record(long accountId, String accountName, byte[] body) {
		List<UsageWindow> windows = StatuslineReader.windows(parse(body));
		Instant now = this.clock.instant();
		if (windows.isEmpty()) {
			return new StatuslineResult(accountName, now, List.of(),
					"Nothing to store: the statusline JSON has no "
							+ "rate_limits with a used_percentage (Claude Code sends them to Pro and Max subscribers "
							+ "after the first response of a session)");
		}
		this.observations.saveAll(accountId, null, now, SOURCE, windows);
		logger.debug("Stored {} statusline windows for account {}", windows.size(), accountName);
		return new StatuslineResult(accountName, now, windows, "Stored " + windows.size() + " windows");
	}

	private JsonNode parse(byte[] body) {
		try {
			JsonNode node = this.mapper.readTree(body);
			if (node == null || !node.isObject()) {
				throw new PushRejectedException(HttpStatus.BAD_REQUEST,
						"The body is not a JSON object: send the JSON that Claude Code passes to the statusline command");
			}
			return node;
		}
		catch (JacksonException ex) {
			throw new PushRejectedException(HttpStatus.BAD_REQUEST, "Invalid JSON body: " + ex.getOriginalMessage(),
					ex);
		}
	}

	/**
	 * The outcome of a statusline push.
	 *
	 * @param account account name
	 * @param observedAt time the windows were stored with
	 * @param windows the stored windows, empty when there was nothing to store
	 * @param message a one-line summary for the sender
	 */
	public record StatuslineResult(String account, Instant observedAt, List<UsageWindow> windows, String message) {
	}

}
