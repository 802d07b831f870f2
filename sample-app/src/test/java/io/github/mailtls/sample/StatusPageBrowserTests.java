/*
 * Copyright 2025-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package io.github.mailtls.sample;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntPredicate;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.test.web.servlet.client.assertj.RestTestClientResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the status page in headless Chromium, driven through the system's
 * chromedriver.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
// Skipped only where Chromium is not installed; CI installs it.
@EnabledIf(value = "chromeDriverInstalled", disabledReason = "needs /usr/bin/chromedriver and /usr/bin/chromium")
class StatusPageBrowserTests {

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Duration PAGE_TIMEOUT = Duration.ofSeconds(30);

	private static final By LATEST_SEND_PROTOCOL = By.cssSelector("#recent-sends tbody tr:first-child td.protocol");

	// The --success colour of status.css, in which successful sends are charted.
	private static final int SUCCESS_RGB = 0x2e7d32;

	@LocalServerPort
	private int port;

	@Autowired
	private RestTestClient client;

	private WebDriver driver;

	private WebDriverWait wait;

	@BeforeEach
	void startBrowser(@TempDir Path profile) {
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--window-size=1280,1600", "--user-data-dir=" + profile);
		// An explicit driver executable keeps Selenium Manager from trying to download
		// one.
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		this.driver = new ChromeDriver(service, options);
		this.wait = new WebDriverWait(this.driver, PAGE_TIMEOUT);
	}

	@AfterEach
	void stopBrowser() {
		if (this.driver != null) {
			this.driver.quit();
		}
	}

	@Test
	void statusPageRendersTheTlsOfASendThatJustHappened() throws IOException {
		String subject = "Browser test " + UUID.randomUUID();
		assertThat(RestTestClientResponse.from(this.client.post()
			.uri("/messages")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("to", "someone@example.com", "subject", subject, "text", "Hello"))
			.exchange())).hasStatusOk();
		this.driver.get("http://localhost:" + this.port + "/");
		WebElement received = this.wait.until(ExpectedConditions
			.visibilityOfElementLocated(By.xpath("//ul[@id='inbox-messages']/li[strong[text()='" + subject + "']]")));
		assertThat(received.getText()).endsWith("received over TLSv1.3");
		this.wait.until(ExpectedConditions.textToBe(LATEST_SEND_PROTOCOL, "TLSv1.3"));
		this.wait.until(ExpectedConditions.textToBe(By.id("health-status"), "UP"));
		assertThat(this.driver.findElement(By.id("health-details")).getText()).contains("Protocol\nTLSv1.3",
				"Mode\nstarttls", "Hostname verification\non");
		assertThat(this.driver.findElement(By.id("certificate-days")).getText()).matches("8[89]|90");
		assertThat(this.driver.findElement(By.id("sends-chart")).getText()).contains("starttls · TLSv1.3");

		byte[] page = ((TakesScreenshot) this.driver).getScreenshotAs(OutputType.BYTES);
		Files.createDirectories(Path.of("target"));
		Files.write(Path.of("target", "status-page.png"), page);
		assertThat(distinctColors(image(page))).as("colours on the page").isGreaterThan(20);
		WebElement protocolCell = this.driver.findElement(LATEST_SEND_PROTOCOL);
		assertThat(darkPixels(image(protocolCell.getScreenshotAs(OutputType.BYTES))))
			.as("dark (text) pixels in the protocol cell")
			.isGreaterThan(30);
		BufferedImage chart = image(this.driver.findElement(By.id("sends-chart")).getScreenshotAs(OutputType.BYTES));
		assertThat(pixelsNear(chart, SUCCESS_RGB)).as("pixels of the success bar in the chart").isGreaterThan(1000);
	}

	@Test
	void formSendsAMessageAndShowsTheTlsItUsed() {
		String subject = "Form test " + UUID.randomUUID();
		this.driver.get("http://localhost:" + this.port + "/");
		WebElement subjectField = this.driver.findElement(By.name("subject"));
		subjectField.clear();
		subjectField.sendKeys(subject);
		this.driver.findElement(By.cssSelector("#send-form button[type=submit]")).click();
		this.wait.until(ExpectedConditions.textMatches(By.id("send-result"),
				Pattern.compile("Sent over starttls TLSv1\\.3 \\(TLS_.+\\)")));
		this.wait.until(ExpectedConditions
			.visibilityOfElementLocated(By.xpath("//ul[@id='inbox-messages']/li[strong[text()='" + subject + "']]")));
	}

	@Test
	void formShowsWhichFieldIsInvalid() {
		this.driver.get("http://localhost:" + this.port + "/");
		WebElement to = this.driver.findElement(By.name("to"));
		// Bypass the browser's own check of the field, so that the server's answer shows.
		((JavascriptExecutor) this.driver).executeScript("arguments[0].type = 'text'", to);
		to.clear();
		to.sendKeys("not an address");
		this.driver.findElement(By.cssSelector("#send-form button[type=submit]")).click();
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("send-result"),
				"to must be a well-formed email address"));
	}

	static boolean chromeDriverInstalled() {
		return Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM);
	}

	private static BufferedImage image(byte[] png) throws IOException {
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
		assertThat(image).as("decoded PNG").isNotNull();
		return image;
	}

	private static int distinctColors(BufferedImage image) {
		Set<Integer> colors = new HashSet<>();
		for (int y = 0; y < image.getHeight(); y++) {
			for (int x = 0; x < image.getWidth(); x++) {
				colors.add(image.getRGB(x, y) & 0xffffff);
			}
		}
		return colors.size();
	}

	private static int darkPixels(BufferedImage image) {
		return countPixels(image, (rgb) -> brightness(rgb) < 128);
	}

	private static int pixelsNear(BufferedImage image, int target) {
		return countPixels(image, (rgb) -> Math.abs(red(rgb) - red(target)) <= 8
				&& Math.abs(green(rgb) - green(target)) <= 8 && Math.abs(blue(rgb) - blue(target)) <= 8);
	}

	private static int countPixels(BufferedImage image, IntPredicate predicate) {
		int count = 0;
		for (int y = 0; y < image.getHeight(); y++) {
			for (int x = 0; x < image.getWidth(); x++) {
				if (predicate.test(image.getRGB(x, y) & 0xffffff)) {
					count++;
				}
			}
		}
		return count;
	}

	private static int brightness(int rgb) {
		return (red(rgb) + green(rgb) + blue(rgb)) / 3;
	}

	private static int red(int rgb) {
		return (rgb >> 16) & 0xff;
	}

	private static int green(int rgb) {
		return (rgb >> 8) & 0xff;
	}

	private static int blue(int rgb) {
		return rgb & 0xff;
	}

}
