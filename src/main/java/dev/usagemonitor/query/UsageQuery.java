package dev.usagemonitor.query;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Map;

/**
 * The parameters of a usage query.
 *
 * @param account name of the one account to report, or {@code null} for all accounts
 * @param range history range of the charts
 * @param zone time zone in which the viewer reads times
 */
public record UsageQuery(String account, QueryRange range, ZoneId zone) {

	/** The range used when none is given. */
	public static final QueryRange DEFAULT_RANGE = QueryRange.DAY;

	/**
	 * Builds a query from request parameters; missing or blank values take the defaults.
	 * @param parameters values by parameter name ({@code account}, {@code range},
	 * {@code zone}); a value may be a string or a list of strings, of which the first is
	 * used
	 * @param defaultZone zone used when none is given
	 * @throws InvalidQueryException when the range or zone is not valid
	 */
	public static UsageQuery of(Map<String, ?> parameters, ZoneId defaultZone) {
		String account = first(parameters.get("account"));
		String range = first(parameters.get("range"));
		String zone = first(parameters.get("zone"));
		return new UsageQuery(account, (range != null) ? QueryRange.ofCode(range) : DEFAULT_RANGE,
				(zone != null) ? parseZone(zone) : defaultZone);
	}

	/**
	 * Parses a zone id such as {@code Europe/Paris} or {@code UTC}.
	 * @throws InvalidQueryException when the zone is not known
	 */
	public static ZoneId parseZone(String zone) {
		try {
			return ZoneId.of(zone);
		}
		catch (DateTimeException ex) {
			throw new InvalidQueryException("zone", zone,
					"the IANA time zone ids, for example UTC, Europe/Paris or America/New_York");
		}
	}

	private static String first(Object value) {
		Object single = value;
		if (value instanceof Iterable<?> values) {
			single = firstOf(values);
		}
		else if (value instanceof Object[] values) {
			single = (values.length > 0) ? values[0] : null;
		}
		if (single == null || single.toString().isBlank()) {
			return null;
		}
		return single.toString().strip();
	}

	private static Object firstOf(Iterable<?> values) {
		var iterator = values.iterator();
		return iterator.hasNext() ? iterator.next() : null;
	}

}
