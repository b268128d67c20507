package app.pathary.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through Debian's chromedriver, for tests that look at pages as a person does.
 * Selenium never downloads a driver or a browser here: both paths are given. Where they are missing the calling test
 * is skipped (reported as skipped, never passed).
 */
public final class Browser implements AutoCloseable {
    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration WAIT = Duration.ofSeconds(10);
    /** No test uses DevTools, so Selenium's warning that it has no DevTools binding for this Chromium is noise. */
    private static final Logger DEVTOOLS_LOG = quiet("org.openqa.selenium.devtools");
    private final ChromeDriver driver;
    private final String baseUrl;
    private final Path profile;

    private Browser(ChromeDriver driver, String baseUrl, Path profile) {
        this.driver = driver;
        this.baseUrl = baseUrl;
        this.profile = profile;
    }

    /** Starts a browser with a new, empty profile that opens relative paths on {@code baseUrl}. */
    public static Browser start(String baseUrl) {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Chromium not installed: apt-get install chromium chromium-driver");
        Path profile = tempDir();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // Without the background-networking flags Chromium keeps calling home, which this closed network refuses.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,900", "--lang=en-US", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .build();
        try {
            return new Browser(new ChromeDriver(service, options), baseUrl, profile);
        } catch (RuntimeException e) {
            service.stop();
            deleteTree(profile);
            throw e;
        }
    }

    /** Whether the page is wider than the window (a layout that makes a phone scroll sideways). */
    public boolean scrollsSideways() {
        return Boolean.TRUE.equals(script("return document.documentElement.scrollWidth > window.innerWidth + 1"));
    }

    public void open(String path) {
        driver.get(baseUrl + path);
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** Replaces the text of the field matched by {@code css}, as typed key by key. */
    public void type(String css, String text) {
        WebElement field = find(css);
        field.clear();
        field.sendKeys(text);
    }

    /**
     * Sets a date field. Typing into {@code <input type=date>} depends on the browser's locale, so the value is set as
     * the date picker would set it, with the input and change events a picker fires.
     */
    public void pickDate(String css, String isoDate) {
        ((JavascriptExecutor) driver).executeScript("const f = arguments[0]; f.value = arguments[1];"
                + " f.dispatchEvent(new Event('input', {bubbles: true}));"
                + " f.dispatchEvent(new Event('change', {bubbles: true}));", find(css), isoDate);
    }

    /**
     * Opens a page from the menu as a person does: the group ({@code History}, {@code Cleanup}, {@code Admin}...), then
     * its entry; a group that is a plain link ({@code Jellyfin}) is followed when {@code entry} is null. On a phone the
     * menu button is pressed first.
     */
    public void menu(String group, String entry) {
        WebElement toggler = find("nav .navbar-toggler");
        if (toggler.isDisplayed() && !find("#nav").getAttribute("class").contains("show")) {
            toggler.click();
            // the menu is visible as soon as it starts to open; its groups have their text once it has finished
            waiter().withMessage("the menu opens").until(d -> {
                String opening = find("#nav").getAttribute("class");
                return opening.contains("show") && !opening.contains("collapsing");
            });
        }
        List<String> seen = new ArrayList<>();
        WebElement top = waiter().withMessage(() -> "no menu group " + group + " among " + seen)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
            seen.clear();
            for (WebElement a : findAll("nav #menu > li > a.nav-link")) {
                String text = a.getText().strip();
                seen.add(text);
                if (text.equals(group)) {
                    return a;
                }
            }
            return null;
        });
        click(top);
        if (entry != null) {
            WebElement item = top.findElement(By.xpath("..")).findElements(By.cssSelector(".dropdown-item")).stream()
                    .filter(a -> a.getText().strip().equals(entry)).findFirst()
                    .orElseThrow(() -> new AssertionError("no menu entry " + entry + " under " + group));
            click(item);
        }
    }

    /** The viewport of a phone (390 CSS pixels wide, an iPhone 12 to 15) or of a desktop. */
    public void phone() {
        resize(390, 844);
    }

    public void desktop() {
        resize(1280, 900);
    }

    /** Makes the page's viewport {@code width} x {@code height} CSS pixels (the window is grown by its frame). */
    public void resize(int width, int height) {
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, height));
        Number inner = (Number) script("return window.innerWidth");
        if (inner != null && inner.intValue() != width) {
            driver.manage().window().setSize(new org.openqa.selenium.Dimension(2 * width - inner.intValue(), height));
        }
    }

    /** How many CSS pixels the page is wider than the viewport (0 when it does not scroll sideways). */
    public int horizontalOverflow() {
        return ((Number) script("return document.documentElement.scrollWidth - document.documentElement.clientWidth")).intValue();
    }

    /** The visible form fields (not hidden, not buttons) that have neither a label nor an aria-label, as "name#id". */
    @SuppressWarnings("unchecked")
    public List<String> unlabelledFields() {
        return (List<String>) script("""
                return Array.from(document.querySelectorAll('input, select, textarea'))
                    .filter(f => !['hidden', 'submit', 'button'].includes(f.type) && f.offsetParent !== null)
                    .filter(f => (f.labels || []).length === 0 && !f.getAttribute('aria-label') && !f.getAttribute('aria-labelledby'))
                    .map(f => (f.name || '?') + '#' + (f.id || ''));""");
    }

    /** Whether the element matched by {@code css} is shown (present and visible). */
    public boolean shows(String css) {
        return findAll(css).stream().anyMatch(WebElement::isDisplayed);
    }

    /**
     * Clicks the element as a person would once it is on screen. It is scrolled to the middle of the viewport at once
     * first: Bootstrap's smooth scrolling would otherwise still be moving the page when the click lands.
     */
    public void click(String css) {
        click(find(css));
    }

    public void click(WebElement element) {
        script("arguments[0].scrollIntoView({block: 'center', inline: 'nearest', behavior: 'instant'})", element);
        waiter().until(ExpectedConditions.elementToBeClickable(element)).click();
    }

    /** Waits until the element matched by {@code css} shows {@code text}, and returns its visible text. */
    public String waitForText(String css, String text) {
        waiter().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
        return find(css).getText();
    }

    /** Waits until the condition holds (for changes made in place, e.g. by htmx). */
    public void waitUntil(String what, BooleanSupplier condition) {
        waitUntil(what, WAIT, condition);
    }

    /**
     * Waits up to {@code timeout} until the condition holds: for what a background job brings (a worker has to claim
     * it, and the page asks for its progress every 2 s), which a loaded machine can take longer than 10 s to show.
     */
    public void waitUntil(String what, Duration timeout, BooleanSupplier condition) {
        // An element read while htmx swaps it out is stale: that is "not yet", not a failure.
        new WebDriverWait(driver, timeout).withMessage(what).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> condition.getAsBoolean());
    }

    /** Waits until the browser shows a page under {@code path} (after a redirect or a form post). */
    public void waitForPath(String path) {
        waiter().withMessage("the browser shows " + path).until(d -> currentPath().equals(path));
    }

    public String currentPath() {
        String url = driver.getCurrentUrl();
        String rest = url.startsWith(baseUrl) ? url.substring(baseUrl.length()) : url;
        int query = rest.indexOf('?');
        return query < 0 ? rest : rest.substring(0, query);
    }

    public String currentUrl() {
        return driver.getCurrentUrl();
    }

    /** Everything the page shows as text. */
    public String pageText() {
        return find("body").getText();
    }

    /** Runs a script in the page and returns its value (for marks that show whether the page was reloaded). */
    public Object script(String javascript) {
        return ((JavascriptExecutor) driver).executeScript(javascript);
    }

    /**
     * Runs {@code javascript} in every page this browser opens from now on, before the page's own scripts (Chromium's
     * {@code Page.addScriptToEvaluateOnNewDocument}; the page's Content-Security-Policy does not apply to it).
     */
    public void onEveryPage(String javascript) {
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", java.util.Map.of("source", javascript));
    }

    /** Waits for the page's confirm() dialog, returns its text and answers it (OK or Cancel). */
    public String answerConfirm(boolean ok) {
        var alert = waiter().until(ExpectedConditions.alertIsPresent());
        String text = alert.getText();
        if (ok) {
            alert.accept();
        } else {
            alert.dismiss();
        }
        return text;
    }

    /** Runs JavaScript in the page and returns its result (e.g. what the page loaded, from the Performance API). */
    public Object script(String javascript, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(javascript, arguments);
    }

    public WebDriverWait waiter() {
        return new WebDriverWait(driver, WAIT);
    }

    /**
     * Shows pages as a device {@code width} CSS pixels wide and {@code height} high would: a phone (390 x 844, with
     * {@code mobile} on, so the page's viewport meta tag counts) or a desktop (1280 x 900).
     */
    public void viewport(int width, int height, boolean mobile) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", java.util.Map.of("width", width, "height", height,
                "deviceScaleFactor", 1, "mobile", mobile));
    }

    /** Saves what the browser shows as {@code <folder>/<name>.png} and returns the file. */
    public Path screenshot(Path folder, String name) {
        try {
            Files.createDirectories(folder);
            Path file = folder.resolve(name + ".png");
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Saves what the browser shows as {@code target/screenshots/<name>.png} and returns the file. */
    public Path screenshot(String name) {
        try {
            Path folder = Files.createDirectories(Path.of("target", "screenshots"));
            Path file = folder.resolve(name + ".png");
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteTree(profile);
        }
    }

    private static Logger quiet(String name) {
        Logger logger = Logger.getLogger(name);
        logger.setLevel(Level.SEVERE);
        return logger;
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("pathary-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temp profile is harmless
        }
    }
}
