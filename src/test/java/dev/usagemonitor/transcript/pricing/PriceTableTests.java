package dev.usagemonitor.transcript.pricing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.within;

class PriceTableTests {

	private final PriceTable builtIn = new PriceTableLoader().load(null);

	@TempDir
	Path folder;

	@Test
	void exactIdIsFound() {
		assertThat(input("claude-sonnet-4-6")).isEqualTo(3.0);
		assertThat(input("claude-opus-4-6")).isEqualTo(5.0);
	}

	@Test
	void dateSuffixFindsFamily() {
		assertThat(input("claude-sonnet-4-20250514")).isEqualTo(3.0);
		assertThat(input("claude-haiku-4-5-20251001")).isEqualTo(1.0);
		assertThat(input("claude-opus-4-1-20250805")).isEqualTo(15.0);
	}

	@Test
	void longestKeyWins() {
		assertThat(input("claude-opus-4-5-20251101")).isEqualTo(5.0);
		assertThat(input("claude-fable-5-1")).isEqualTo(10.0);
		assertThat(this.builtIn.find("claude-fable-5-1").orElseThrow().rates().cacheRead()).isEqualTo(0.25);
	}

	@Test
	void dotsAndCaseAreNormalized() {
		assertThat(input("Claude-Sonnet-4.6")).isEqualTo(3.0);
	}

	@Test
	void prefixedIdsMatchOnBoundaries() {
		assertThat(input("anthropic/claude-sonnet-4-6")).isEqualTo(3.0);
		assertThat(input("claude-opus-4-6[1m]")).isEqualTo(5.0);
	}

	@Test
	void newerMinorVersionIsUnpriced() {
		assertThat(this.builtIn.find("claude-opus-4-9")).isEmpty();
		assertThat(this.builtIn.find("claude-sonnet-4-7")).isEmpty();
	}

	@Test
	void unknownModelsAreUnpriced() {
		assertThat(this.builtIn.find("acme-coder-1")).isEmpty();
		assertThat(this.builtIn.find("xclaude-sonnet-4-6")).isEmpty();
	}

	@Test
	void tieredPriceAppliesPerType() {
		ModelPrice sonnet4 = this.builtIn.find("claude-sonnet-4-20250514").orElseThrow();
		TokenCounts tokens = new TokenCounts(300_000, 0, 0, 0, 0);
		assertThat(sonnet4.cost(tokens, false)).isCloseTo(0.6 + 0.6, within(1e-12));
	}

	@Test
	void fastModeMultipliesCost() {
		ModelPrice opus = this.builtIn.find("claude-opus-4-6").orElseThrow();
		TokenCounts tokens = new TokenCounts(1_000_000, 0, 0, 0, 0);
		assertThat(opus.cost(tokens, false)).isCloseTo(5.0, within(1e-12));
		assertThat(opus.cost(tokens, true)).isCloseTo(30.0, within(1e-12));
	}

	@Test
	void cacheRatesDefaultToInputRatios() throws IOException {
		Path file = write("{\"models\":{\"claude-x\":{\"input\":4,\"output\":20}}}");
		Rates rates = new PriceTableLoader().load(file).find("claude-x").orElseThrow().rates();
		assertThat(rates.cacheWrite5m()).isEqualTo(5.0);
		assertThat(rates.cacheWrite1h()).isEqualTo(8.0);
		assertThat(rates.cacheRead()).isCloseTo(0.4, within(1e-12));
	}

	@Test
	void missingFileNamesSetting() {
		assertThatExceptionOfType(PricingException.class)
			.isThrownBy(() -> new PriceTableLoader().load(this.folder.resolve("missing.json")))
			.withMessageContaining("missing.json")
			.withMessageContaining("monitor.pricing.file");
	}

	@Test
	void invalidEntriesAreRejected() throws IOException {
		assertThatExceptionOfType(PricingException.class)
			.isThrownBy(() -> new PriceTableLoader().load(write("{\"models\":{\"m\":{\"input\":\"3\"}}}")))
			.withMessageContaining("'m'");
		assertThatExceptionOfType(PricingException.class)
			.isThrownBy(() -> new PriceTableLoader().load(write("{\"models\":{\"m\":{\"input\":-1,\"output\":1}}}")))
			.withMessageContaining("Invalid price -1.0");
		assertThatExceptionOfType(PricingException.class)
			.isThrownBy(() -> new PriceTableLoader().load(write("{\"prices\":{}}")))
			.withMessageContaining("no \"models\" object");
		assertThatExceptionOfType(PricingException.class)
			.isThrownBy(() -> new PriceTableLoader().load(write("{\"models\":")))
			.withMessageContaining("Invalid JSON");
	}

	private double input(String model) {
		return this.builtIn.find(model).orElseThrow(() -> new AssertionError("no price for " + model)).rates().input();
	}

	private Path write(String json) throws IOException {
		Path file = Files.createTempFile(this.folder, "pricing", ".json");
		Files.writeString(file, json);
		return file;
	}

}
