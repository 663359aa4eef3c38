package dev.usagemonitor.collect;

/**
 * The remote endpoints the collector calls; a failure is classified by the endpoint that
 * produced it.
 */
enum Endpoint {

	/** {@code GET /api/organizations} of claude.ai. */
	ORGANIZATIONS("claude.ai"),
	/** {@code GET /api/organizations/{uuid}/usage} of claude.ai. */
	WEB_USAGE("claude.ai"),
	/** {@code GET /api/oauth/usage}. */
	OAUTH_USAGE("The OAuth usage endpoint"),
	/** The OAuth token endpoint, called to refresh an access token. */
	TOKEN("The OAuth token endpoint");

	private final String displayName;

	Endpoint(String displayName) {
		this.displayName = displayName;
	}

	String displayName() {
		return this.displayName;
	}

	boolean isWeb() {
		return this == ORGANIZATIONS || this == WEB_USAGE;
	}

}
