package dev.usagemonitor.transcript.pricing;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Model prices, looked up by model id: the exact id first, then the longest table key
 * that the id contains on word boundaries, so {@code claude-sonnet-4-20250514} finds
 * {@code claude-sonnet-4}. Dots count as dashes and case is ignored.
 */
public final class PriceTable {

	private final Map<String, ModelPrice> prices;

	private final String source;

	private final Map<String, Optional<ModelPrice>> resolved = new ConcurrentHashMap<>();

	/**
	 * Creates a table from prices keyed by model id.
	 */
	public PriceTable(Map<String, ModelPrice> prices, String source) {
		Map<String, ModelPrice> normalized = new ConcurrentHashMap<>();
		prices.forEach((model, price) -> normalized.put(normalize(model), price));
		this.prices = Map.copyOf(normalized);
		this.source = source;
	}

	/**
	 * Returns the prices of a model, or empty when the table has none.
	 */
	public Optional<ModelPrice> find(String model) {
		return this.resolved.computeIfAbsent(normalize(model), this::resolve);
	}

	/**
	 * Returns where the prices were read from: a file path or the built-in resource.
	 */
	public String source() {
		return this.source;
	}

	/**
	 * Returns the number of models in the table.
	 */
	public int size() {
		return this.prices.size();
	}

	private Optional<ModelPrice> resolve(String model) {
		ModelPrice exact = this.prices.get(model);
		if (exact != null) {
			return Optional.of(exact);
		}
		String best = null;
		for (String key : this.prices.keySet()) {
			if ((best == null || key.length() > best.length()) && BoundaryMatch.matches(model, key)) {
				best = key;
			}
		}
		return Optional.ofNullable((best != null) ? this.prices.get(best) : null);
	}

	static String normalize(String model) {
		return model.toLowerCase(Locale.ROOT).replace('.', '-');
	}

}
