package dev.usagemonitor.transcript.pricing;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Provides the price table, read once at start-up. An invalid table stops the start with
 * a message that names the file and the fix.
 */
@Configuration(proxyBeanMethods = false)
class PricingConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(PricingConfiguration.class);

	@Bean
	PriceTable priceTable(PricingProperties properties) {
		PriceTable table = new PriceTableLoader().load(properties.file());
		logger.info("Loaded prices of {} models from {}", table.size(), table.source());
		return table;
	}

}
