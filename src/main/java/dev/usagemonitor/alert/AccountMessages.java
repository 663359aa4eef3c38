package dev.usagemonitor.alert;

import java.time.Instant;

import dev.usagemonitor.collect.CollectionRun;
import dev.usagemonitor.collect.CollectionStatus;

/**
 * Titles and messages of account-level alerts: daily tokens and collection health.
 */
final class AccountMessages {

	private final AlertFormat format;

	AccountMessages(AlertFormat format) {
		this.format = format;
	}

	AlertText dailyTokensFired(String account, AlertLevel level, long tokens, long threshold) {
		return new AlertText(account + ": daily tokens " + level.code(),
				account + ": " + AlertFormat.count(tokens) + " tokens used today (" + this.format.zone()
						+ "), over the " + level.code() + " level of " + AlertFormat.count(threshold)
						+ " — check for long-running sessions");
	}

	AlertText dailyTokensDayEnded(String account, Instant dayEnd) {
		return new AlertText(account + ": daily tokens reset", account + ": a new day started at "
				+ this.format.time(dayEnd) + "; the daily token count starts again");
	}

	AlertText collectionFailing(String account, CollectionRun latest, int runs) {
		return new AlertText(account + ": collection failing",
				account + ": " + latest.status().code() + " for " + runs + " runs in a row — " + latest.message());
	}

	AlertText collectionStale(String account, CollectionRun latest, Instant lastSuccess) {
		String since = (lastSuccess != null) ? "since " + this.format.time(lastSuccess) : "yet";
		return new AlertText(account + ": collection failing",
				account + ": no successful reading " + since + " — " + latest.message());
	}

	AlertText credentialNeeded(String account, CollectionRun latest) {
		return new AlertText(account + ": " + credentialTitle(latest.status()), account + ": " + latest.message());
	}

	AlertText collectionRecovered(String account, Alert alert, Instant recoveredAt) {
		return new AlertText(account + ": " + alert.type().code().replace('_', ' ') + " resolved",
				account + ": usage read successfully at " + this.format.time(recoveredAt));
	}

	private static String credentialTitle(CollectionStatus status) {
		return switch (status) {
			case SESSION_EXPIRED -> "claude.ai session expired";
			case TOKEN_REFRESH_FAILED -> "OAuth refresh token rejected";
			case SCOPE_MISSING -> "OAuth token lacks the user:profile scope";
			default -> status.code().replace('_', ' ');
		};
	}

}
