package dev.usagemonitor.transcript.pricing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a price table in JSON:
 * {@code {"models": {"<model id>": {"input": 3, "output": 15,
 * "cacheWrite5m": 3.75, "cacheWrite1h": 6, "cacheRead": 0.3, "fastMultiplier": 1,
 * "above200k": {...}}}}}, prices in USD per million tokens. Missing cache prices default
 * to Anthropic's ratios of the input price: 1.25 for 5-minute writes, 2 for 1-hour
 * writes, 0.1 for reads.
 */
public final class PriceTableLoader {

	/** The classpath resource of the built-in table. */
	public static final String BUILT_IN = "/pricing.json";

	private final JsonMapper mapper = JsonMapper.builder().build();

	/**
	 * Reads the file when given, otherwise the built-in table.
	 * @throws PricingException when the file is missing or invalid
	 */
	public PriceTable load(Path file) {
		if (file == null) {
			try (InputStream stream = PriceTableLoader.class.getResourceAsStream(BUILT_IN)) {
				return parse(stream, "built-in pricing.json");
			}
			catch (IOException ex) {
				throw new PricingException("Cannot read the built-in pricing.json", ex);
			}
		}
		try (InputStream stream = Files.newInputStream(file)) {
			return parse(stream, file.toString());
		}
		catch (IOException ex) {
			throw new PricingException("Cannot read the price table " + file
					+ " named by monitor.pricing.file: check the path or remove the setting", ex);
		}
	}

	private PriceTable parse(InputStream stream, String source) {
		JsonNode models;
		try {
			models = this.mapper.readTree(stream).path("models");
		}
		catch (JacksonException ex) {
			throw new PricingException("Invalid JSON in the price table " + source + ": " + ex.getOriginalMessage(),
					ex);
		}
		if (!models.isObject() || models.isEmpty()) {
			throw new PricingException("The price table " + source
					+ " has no \"models\" object: expected {\"models\": {\"claude-…\": {\"input\": 3, \"output\": 15}}}");
		}
		Map<String, ModelPrice> prices = new LinkedHashMap<>();
		models.properties().forEach((entry) -> prices.put(entry.getKey(), price(entry.getKey(), entry.getValue())));
		return new PriceTable(prices, source);
	}

	private static ModelPrice price(String model, JsonNode node) {
		Rates rates = rates(model, node);
		JsonNode tier = node.path("above200k");
		Rates above = tier.isObject() ? rates(model, tier) : null;
		double fast = node.path("fastMultiplier").asDouble(1);
		if (!(fast > 0)) {
			throw new PricingException("Invalid fastMultiplier " + fast + " for model '" + model
					+ "': use a number above 0 (1 when fast mode costs the same)");
		}
		return new ModelPrice(rates, above, fast);
	}

	private static Rates rates(String model, JsonNode node) {
		if (!node.path("input").isNumber() || !node.path("output").isNumber()) {
			throw new PricingException("The price of model '" + model
					+ "' needs numeric \"input\" and \"output\" rates in USD per million tokens");
		}
		double input = node.path("input").asDouble();
		Rates rates = new Rates(input, node.path("output").asDouble(), node.path("cacheWrite5m").asDouble(input * 1.25),
				node.path("cacheWrite1h").asDouble(input * 2), node.path("cacheRead").asDouble(input * 0.1));
		rates.validate(model);
		return rates;
	}

}
