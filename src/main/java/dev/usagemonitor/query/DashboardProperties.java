package dev.usagemonitor.query;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code monitor.dashboard}: access to the dashboard and
 * {@code queryUsage}, and when data counts as stale.
 *
 * @param token secret that the page and {@code queryUsage} require, as a bearer token or
 * through the login form; empty (the default) leaves them open
 * @param staleAfter age after which an observation is marked stale; empty (the default)
 * means three times {@code monitor.cycle-interval}
 * @param sessionLifetime how long the login cookie stays valid (default 30 days)
 */
@ConfigurationProperties("monitor.dashboard")
public record DashboardProperties(String token, Duration staleAfter, @DefaultValue("30d") Duration sessionLifetime) {

	/**
	 * Tells whether a token is configured.
	 */
	public boolean tokenRequired() {
		return this.token != null && !this.token.isBlank();
	}

	@Override
	public String toString() {
		return "DashboardProperties[token=" + (tokenRequired() ? "(set)" : "(none)") + ", staleAfter=" + this.staleAfter
				+ ", sessionLifetime=" + this.sessionLifetime + "]";
	}

}
