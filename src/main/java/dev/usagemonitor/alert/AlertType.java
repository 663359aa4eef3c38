package dev.usagemonitor.alert;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Subject of an alert. The lower-case code is stored in the database, shown in JSON and
 * matched by silences.
 */
public enum AlertType {

	/** A usage window crossed its warning, critical or exhausted level. */
	THRESHOLD,
	/** The recent burn rate reaches 100 % before the window resets. */
	PROJECTED_EXHAUSTION,
	/** A window that was critical or exhausted started a new instance. */
	WINDOW_RESET,
	/** Transcript tokens of the current day crossed a level. */
	DAILY_TOKENS,
	/** Collection keeps failing or has not succeeded for too long. */
	COLLECTION_FAILING,
	/** The claude.ai session cookie is no longer accepted. */
	SESSION_EXPIRED,
	/** The OAuth refresh token was rejected. */
	TOKEN_REFRESH_FAILED,
	/** The OAuth token lacks the scope the usage endpoint requires. */
	SCOPE_MISSING;

	/** Types that describe collection health rather than usage. */
	static final Set<AlertType> COLLECTION = Set.of(COLLECTION_FAILING, SESSION_EXPIRED, TOKEN_REFRESH_FAILED,
			SCOPE_MISSING);

	/**
	 * Returns the lower-case code, for example {@code projected_exhaustion}.
	 */
	@JsonValue
	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Returns the type stored under a code.
	 * @throws IllegalArgumentException for an unknown code, listing the known ones
	 */
	public static AlertType ofCode(String code) {
		return Arrays.stream(values())
			.filter((type) -> type.code().equals(code))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("Unknown alert type '" + code + "': use one of "
					+ Arrays.stream(values()).map(AlertType::code).toList()));
	}

}
