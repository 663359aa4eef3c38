package dev.usagemonitor.config;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings under {@code monitor}: the accounts to watch, the endpoints to read them from
 * and the cycle timing.
 *
 * @param accounts the monitored accounts; empty means nothing is collected
 * @param claudeWeb the claude.ai web API
 * @param oauth the OAuth usage and token endpoints
 * @param zone time zone for messages and day buckets (default UTC)
 * @param cycleInterval expected time between two cycles, as scheduled by the cron
 * (default 10 minutes); staleness limits are derived from it
 * @param http timeouts of every outgoing request
 */
@ConfigurationProperties("monitor")
public record MonitorProperties(@DefaultValue List<AccountProperties> accounts, @DefaultValue ClaudeWeb claudeWeb,
		@DefaultValue OAuth oauth, @DefaultValue("UTC") ZoneId zone, @DefaultValue("10m") Duration cycleInterval,
		@DefaultValue Http http) {

	/**
	 * The claude.ai web API.
	 *
	 * @param baseUrl base URL (default {@code https://claude.ai})
	 */
	public record ClaudeWeb(@DefaultValue("https://claude.ai") URI baseUrl) {
	}

	/**
	 * The OAuth usage endpoint and the token endpoint used to refresh access tokens.
	 *
	 * @param baseUrl base URL of the usage endpoint (default
	 * {@code https://api.anthropic.com})
	 * @param tokenUrl token endpoint (default
	 * {@code https://platform.claude.com/v1/oauth/token})
	 * @param clientId OAuth client id sent with a refresh (default: the Claude Code
	 * client id)
	 */
	public record OAuth(@DefaultValue("https://api.anthropic.com") URI baseUrl,
			@DefaultValue("https://platform.claude.com/v1/oauth/token") URI tokenUrl,
			@DefaultValue("9d1c250a-e61b-44d9-88ed-5944d1962f5e") String clientId) {
	}

	/**
	 * Limits of outgoing HTTP requests.
	 *
	 * @param connectTimeout time to open a connection (default 5 s)
	 * @param requestTimeout time to receive a whole response (default 15 s)
	 * @param maxResponseSize largest response body read; a larger one is rejected
	 * (default 1 MB, about 200 times the size of a usage response)
	 */
	public record Http(Duration connectTimeout, Duration requestTimeout, DataSize maxResponseSize) {

		@ConstructorBinding
		public Http(@DefaultValue("5s") Duration connectTimeout, @DefaultValue("15s") Duration requestTimeout,
				@DefaultValue("1MB") DataSize maxResponseSize) {
			this.connectTimeout = connectTimeout;
			this.requestTimeout = requestTimeout;
			this.maxResponseSize = maxResponseSize;
		}

		/**
		 * Creates limits with the default response size cap.
		 */
		public Http(Duration connectTimeout, Duration requestTimeout) {
			this(connectTimeout, requestTimeout, DataSize.ofMegabytes(1));
		}

	}

}
