package dev.usagemonitor.transcript.pricing;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code monitor.pricing}.
 *
 * @param file a JSON price table that replaces the built-in {@code pricing.json}, in the
 * same format; {@code null} (the default) uses the built-in table
 */
@ConfigurationProperties("monitor.pricing")
public record PricingProperties(Path file) {
}
