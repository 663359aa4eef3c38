package dev.usagemonitor.dashboard;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Warns at start-up when the dashboard and {@code queryUsage} are open to the network: no
 * {@code monitor.dashboard.token} and {@code server.address} not a loopback address
 * (unset means every interface).
 */
@Component
class ExposureWarning {

	private static final Logger logger = LoggerFactory.getLogger(ExposureWarning.class);

	private final DashboardToken token;

	private final Environment environment;

	ExposureWarning(DashboardToken token, Environment environment) {
		this.token = token;
		this.environment = environment;
	}

	@EventListener(ApplicationReadyEvent.class)
	void warnIfExposed() {
		String address = this.environment.getProperty("server.address");
		if (!this.token.required() && !isLoopback(address)) {
			logger.warn("The dashboard and queryUsage are served without a token on {}: anyone who reaches this port "
					+ "reads the usage of every account. Set monitor.dashboard.token, or server.address=127.0.0.1 "
					+ "behind a proxy that authenticates", (address != null) ? address : "every interface");
		}
	}

	static boolean isLoopback(String address) {
		if (address == null || address.isBlank()) {
			return false;
		}
		try {
			return InetAddress.getByName(address).isLoopbackAddress();
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

}
