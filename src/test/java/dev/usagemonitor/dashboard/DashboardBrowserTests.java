package dev.usagemonitor.dashboard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import dev.usagemonitor.query.SeededApplicationTests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Opens the dashboard of the running application in headless Chromium (Debian packages
 * {@code chromium} and {@code chromium-driver}) with the browser's zone set to
 * Asia/Tokyo, and saves screenshots under {@code target/}.
 */
class DashboardBrowserTests extends SeededApplicationTests {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private static ChromeDriver driver;

	private static Path profile;

	@BeforeAll
	static void startBrowser() throws IOException {
		assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
				"Chromium is not installed: install the Debian packages chromium and chromium-driver "
						+ "(apt-get install -y chromium chromium-driver) to run the browser test");
		profile = Files.createTempDirectory("dashboard-chromium-");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--user-data-dir=" + profile);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.withEnvironment(Map.of("TZ", "Asia/Tokyo"))
			.build();
		driver = new ChromeDriver(service, options);
		driver.manage().window().setSize(new Dimension(1280, 1000));
	}

	@AfterAll
	static void stopBrowser() throws IOException {
		if (driver != null) {
			driver.quit();
		}
		if (profile != null) {
			org.springframework.util.FileSystemUtils.deleteRecursively(profile);
		}
	}

	@Test
	void pageShowsGaugesChartAndSwitchesRange() throws Exception {
		driver.get(uri("/").toString());
		WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
		wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-zone", "Asia/Tokyo"));
		assertThat(driver.findElement(By.cssSelector("header .meta")).getText()).contains("times in Asia/Tokyo");

		List<WebElement> windows = driver.findElements(By.cssSelector("#account-personal li.window"));
		assertThat(windows).hasSize(5);
		WebElement weekly = gauge("Weekly (all models)");
		assertThat(weekly.findElement(By.cssSelector(".value")).getText()).isEqualTo("91 %");
		double bar = weekly.findElement(By.cssSelector(".bar")).getRect().getWidth();
		double fill = weekly.findElement(By.cssSelector(".bar .fill")).getRect().getWidth();
		assertThat(fill / bar).isBetween(0.89, 0.93);
		assertThat(weekly.findElement(By.cssSelector(".reset")).getText()).startsWith("resets Mon 21:00 JST");

		WebElement chart = driver.findElement(By.cssSelector("#history-personal svg.chart"));
		assertThat(chart.getRect().getWidth()).isGreaterThan(500);
		assertThat(chart.findElements(By.cssSelector("polyline.line"))).isNotEmpty();

		((JavascriptExecutor) driver).executeScript("window.notReloaded = true;");
		driver.findElement(By.cssSelector("#history-personal .ranges a[href*='range=30d']")).click();
		wait.until(ExpectedConditions.textToBe(By.cssSelector("#history-personal .ranges a.current"), "30d"));
		assertThat(((JavascriptExecutor) driver).executeScript("return window.notReloaded === true;")).isEqualTo(true);
		assertThat(driver.findElements(By.cssSelector("#history-personal line.reset"))).isNotEmpty();
		screenshot("dashboard.png", 1280);
	}

	@Test
	void narrowScreenHasNoSideScroll() throws Exception {
		driver.get(uri("/?range=7d").toString());
		new WebDriverWait(driver, Duration.ofSeconds(10))
			.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-zone", "Asia/Tokyo"));
		driver.manage().window().setSize(new Dimension(360, 800));
		Object scrollWidth = ((JavascriptExecutor) driver)
			.executeScript("return document.documentElement.scrollWidth;");
		Object clientWidth = ((JavascriptExecutor) driver)
			.executeScript("return document.documentElement.clientWidth;");
		assertThat(((Number) scrollWidth).longValue()).isLessThanOrEqualTo(((Number) clientWidth).longValue());
		screenshot("dashboard-360px.png", 360);
		driver.manage().window().setSize(new Dimension(1280, 1000));
	}

	private static WebElement gauge(String label) {
		for (WebElement window : driver.findElements(By.cssSelector("#account-personal li.window"))) {
			if (window.findElement(By.cssSelector(".label")).getText().equals(label)) {
				return window;
			}
		}
		throw new AssertionError("No gauge labelled " + label);
	}

	private static void screenshot(String name, int width) throws IOException {
		Object height = ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollHeight;");
		driver.manage().window().setSize(new Dimension(width, ((Number) height).intValue() + 20));
		Path file = driver.getScreenshotAs(OutputType.FILE).toPath();
		Path target = Path.of("target", name);
		Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
		assertThat(Files.size(target)).isGreaterThan(10_000);
	}

}
