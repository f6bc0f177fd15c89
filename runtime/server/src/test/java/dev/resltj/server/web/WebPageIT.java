package dev.resltj.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.resltj.runtime.ImageKind;
import dev.resltj.runtime.ModelCard;
import dev.resltj.runtime.Polarity;
import dev.resltj.runtime.fixtures.MnistData;
import dev.resltj.runtime.fixtures.OnnxFixtures;
import dev.resltj.server.fixtures.HeadlessChromium;
import dev.resltj.server.fixtures.Http;
import dev.resltj.server.fixtures.LongTailSoftmax;
import dev.resltj.server.fixtures.TempModels;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.interactions.PointerInput;
import org.openqa.selenium.interactions.Sequence;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web page in a real browser (headless Chromium) against the real server serving a model that
 * really reads digits: the repository's default model when it is there, else a softmax regression
 * trained on MNIST-LT in the test (with a plain cross-entropy twin to pick instead). Digits are
 * drawn on the pad from real MNIST test images and dropped as PNG files; the page must show the
 * true digit. Every test is skipped, with the reason, when MNIST or the browser is missing. Saves
 * screenshots to {@code reslt.web.screenshots.dir}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebPageIT {
  private static final String FIXTURE = "mnist-lt-logit-adjusted";
  private static final String OTHER_FIXTURE = "mnist-lt-ce";
  private static final String DEFAULT = "reslt-mnist-lt";
  // sorts after the MNIST fixtures, which stay the first in the server's list
  private static final String PHOTO_FIXTURE = "rgb-photos";
  private static final ModelCard.Input PHOTO_INPUT =
      new ModelCard.Input(
          3,
          32,
          48,
          0f,
          255f,
          Polarity.ANY,
          ImageKind.PHOTO,
          List.of(0.5f, 0.5f, 0.5f),
          List.of(0.25f, 0.25f, 0.25f));
  private static final int DESKTOP_WIDTH = 1280;
  private static final int DESKTOP_HEIGHT = 860;
  private static final Duration SETTLE = Duration.ofSeconds(15);

  /** Why the tests cannot run here, or empty. */
  private Optional<String> skip = Optional.empty();

  private MnistData test;
  private TempModels models;
  private ApplicationContext context;
  private Http http;
  private String base;
  private String model;
  private JsonNode card;
  private HeadlessChromium chromium;
  private ChromeDriver driver;

  /** Test images the served model gets right from their pixels, one per long-tail group. */
  private final Map<String, Integer> digits = new LinkedHashMap<>();

  @BeforeAll
  void startServerAndBrowser() {
    // this test trains on the training images too, so it needs those as well as the test images
    Path mnist =
        MnistData.directory()
            .filter(d -> Files.isRegularFile(d.resolve("train-images-idx3-ubyte")))
            .orElse(null);
    if (mnist == null) {
      skip = Optional.of("MNIST not found (system property reslt.mnist.dir)");
      System.err.println("WebPageIT skipped: " + skip.get());
      return;
    }
    try {
      chromium = HeadlessChromium.start(DESKTOP_WIDTH, DESKTOP_HEIGHT);
    } catch (HeadlessChromium.Unavailable e) {
      skip = Optional.of(e.getMessage());
      System.err.println("WebPageIT skipped: " + e.getMessage());
      return;
    }
    driver = chromium.driver();

    test = MnistData.load(mnist, "t10k");
    Map<String, byte[]> files = new LinkedHashMap<>();
    MnistData train = MnistData.load(mnist, "train");
    files.put(FIXTURE + ".onnx", LongTailSoftmax.train(train, 7, true).onnx(test));
    files.put(OTHER_FIXTURE + ".onnx", LongTailSoftmax.train(train, 7, false).onnx(test));
    files.put(PHOTO_FIXTURE + ".onnx", OnnxFixtures.primaryColours(PHOTO_INPUT));
    Path defaultModel = Path.of(System.getProperty("reslt.default.model", "models/none.onnx"));
    if (Files.isRegularFile(defaultModel)) {
      files.put(DEFAULT + ".onnx", read(defaultModel));
    }
    model = files.containsKey(DEFAULT + ".onnx") ? DEFAULT : FIXTURE;
    models = TempModels.of(files);
    context =
        ApplicationContext.run(
            Map.of(
                "micronaut.server.host",
                "127.0.0.1",
                "micronaut.server.port",
                -1,
                "reslt.models.dir",
                models.dir().toString()),
            "test");
    EmbeddedServer server = context.getBean(EmbeddedServer.class);
    server.start();
    base = server.getURI().toString().replaceAll("/$", "");
    http = new Http(server.getURI());
    http.awaitReady(Duration.ofSeconds(30));
    card = http.get("/v1/models/" + model).json();
    chooseDigits();
  }

  /** For each group, the first test image the model classifies right from its PNG, surely. */
  private void chooseDigits() {
    List<String> groups =
        card.get("groups") == null ? List.of("any") : List.of("head", "medium", "tail");
    for (int i = 0; i < test.size() && digits.size() < groups.size(); i++) {
      String group = card.get("groups") == null ? "any" : groupOf(test.label(i));
      if (digits.containsKey(group)) {
        continue;
      }
      JsonNode best = classifyPng(test.png(i)).get("predictions").get(0);
      if (best.get("index").getIntValue() == test.label(i)
          && best.get("probability").getDoubleValue() > 0.9) {
        digits.put(group, i);
      }
    }
    assertEquals(groups.size(), digits.size(), "no confidently recognised digit in some group");
  }

  private JsonNode classifyPng(byte[] png) {
    var r = http.post("/v1/models/" + model + "/classify?top_k=1", "image/png", png);
    assertEquals(200, r.status(), r.body());
    return r.json();
  }

  /** The group of class {@code index} in the model card, null when the card has no groups. */
  private String groupOf(int index) {
    JsonNode groups = card.get("groups");
    if (groups == null) {
      return null;
    }
    for (String g : List.of("head", "medium", "tail")) {
      for (JsonNode member : groups.get(g).values()) {
        if (member.getIntValue() == index) {
          return g;
        }
      }
    }
    throw new AssertionError("class " + index + " is in no group: " + groups);
  }

  @AfterAll
  void stop() {
    if (chromium != null) {
      chromium.close();
    }
    if (context != null) {
      context.close();
    }
    if (models != null) {
      models.close();
    }
  }

  @BeforeEach
  void openPage() {
    // per test, so reports list every test as skipped with the reason rather than none as run
    assumeTrue(skip.isEmpty(), () -> "skipped: " + skip.orElseThrow());
    driver.manage().window().setSize(new Dimension(DESKTOP_WIDTH, DESKTOP_HEIGHT));
    driver.get(base + "/?model=" + model);
    waitUntil(() -> driver.findElement(By.id("card")).isDisplayed(), "the model card to show");
  }

  @Test
  void showsThePickedModelAndItsCard() {
    assertEquals(model, driver.findElement(By.id("model")).getAttribute("value"));
    List<String> options =
        driver.findElements(By.cssSelector("#model option")).stream()
            .map(o -> o.getAttribute("value"))
            .toList();
    assertTrue(options.containsAll(List.of(FIXTURE, OTHER_FIXTURE)), options.toString());
    assertEquals(model, text("card-name"));
    assertFalse(text("card-method").isBlank());
    JsonNode input = card.get("input");
    assertEquals(
        input.get("width").getIntValue()
            + " × "
            + input.get("height").getIntValue()
            + " grayscale, light on dark",
        text("card-input"));

    JsonNode metrics = card.get("metrics");
    assertEquals(metrics != null, driver.findElement(By.id("card-metrics")).isDisplayed());
    for (String metric : List.of("top1", "balanced", "head", "medium", "tail")) {
      List<WebElement> shown =
          driver.findElements(
              By.cssSelector(
                  "[data-metric="
                      + (metric.equals("top1") ? "top-1" : metric)
                      + "] .metric-value"));
      if (metrics == null || metrics.get(metric) == null) {
        assertTrue(shown.isEmpty(), metric);
      } else {
        assertEquals(percent(metrics.get(metric).getDoubleValue()), shown.get(0).getText(), metric);
      }
    }

    List<WebElement> columns = driver.findElements(By.cssSelector("#counts .count"));
    assertEquals(card.get("class_counts").size(), columns.size());
    for (int c = 0; c < columns.size(); c++) {
      assertEquals(groupOf(c), columns.get(c).getAttribute("data-group"));
      assertEquals(
          String.valueOf(card.get("class_counts").get(c).getIntValue()),
          columns.get(c).findElement(By.className("count-value")).getText());
    }
  }

  @Test
  void drawnDigitsAreRecognisedAndEachClassShowsItsGroup() throws IOException {
    for (Map.Entry<String, Integer> digit : digits.entrySet()) {
      int index = digit.getValue();
      clear();
      draw(index, PointerInput.Kind.MOUSE);
      awaitSettled();

      List<Bar> bars = bars();
      assertEquals(String.valueOf(test.label(index)), text("top-label"), "digit " + digit);
      assertEquals(String.valueOf(test.label(index)), bars.get(0).label());
      assertEquals(5, bars.size());
      for (Bar bar : bars) {
        assertEquals(groupOf(bar.index()), bar.group(), "group of class " + bar.index());
      }
      for (int i = 1; i < bars.size(); i++) {
        assertTrue(bars.get(i).probability() <= bars.get(i - 1).probability());
      }
      assertTrue(
          text("latency").matches("Answered in [0-9.]+ ms \\([0-9.]+ ms of it in the server\\).*"),
          text("latency"));
      // what the page sends is the digit it was drawn from, up to stroke width and placement
      assertTrue(
          previewCorrelation(index) > 0.6, "model input vs MNIST: " + previewCorrelation(index));
    }
    screenshot("web-page.png", DESKTOP_WIDTH);
  }

  @Test
  void theAnswerFollowsTheDrawingWhileThePenIsDownAtMostOneRequestPerDebounce() {
    List<DigitStrokes.Point> stroke =
        DigitStrokes.of(test, digits.values().iterator().next()).get(0);
    WebElement pad = driver.findElement(By.id("pad"));
    int side = pad.getSize().getWidth();
    PointerInput mouse = new PointerInput(PointerInput.Kind.MOUSE, "mouse");
    PointerInput.Origin origin = PointerInput.Origin.fromElement(pad);
    Sequence down = new Sequence(mouse, 0);
    // 1.2 s of drawing with the pen down: the page may ask at most every 150 ms
    long started = System.nanoTime();
    for (int i = 0; i < 24; i++) {
      DigitStrokes.Point p = stroke.get(i * stroke.size() / 24);
      down.addAction(
          mouse.createPointerMove(
              Duration.ofMillis(i == 0 ? 0 : 50),
              origin,
              DigitStrokes.offset(p.x(), side),
              DigitStrokes.offset(p.y(), side)));
      if (i == 0) {
        down.addAction(mouse.createPointerDown(PointerInput.MouseButton.LEFT.asArg()));
      }
    }
    driver.executeScript("performance.clearResourceTimings();");
    driver.perform(List.of(down));
    awaitStrokes(1, true);
    waitUntil(() -> driver.findElement(By.id("answer")).isDisplayed(), "an answer while drawing");
    assertEquals("pending", state(), "the pen is still down: the answer is not final");

    Sequence up = new Sequence(mouse, 0);
    up.addAction(mouse.createPointerUp(PointerInput.MouseButton.LEFT.asArg()));
    driver.perform(List.of(up));
    awaitStrokes(1, false);
    awaitSettled();
    double seconds = (System.nanoTime() - started) / 1e9;
    long requests =
        (Long)
            driver.executeScript(
                "return performance.getEntriesByType('resource')"
                    + ".filter((e) => e.name.includes('/classify')).length;");
    assertTrue(requests >= 2, "requests while drawing and after: " + requests);
    assertTrue(
        requests <= 2 + Math.ceil(seconds / 0.150),
        requests + " requests in " + seconds + " s: more than one per 150 ms");
  }

  @Test
  void undoRestoresThePreviousAnswerAndClearEmptiesThePadByMouseOrKeyboard() {
    int index = digits.values().iterator().next();
    draw(index, PointerInput.Kind.MOUSE);
    awaitSettled();
    List<Bar> drawn = bars();

    WebElement pad = driver.findElement(By.id("pad"));
    PointerInput mouse = new PointerInput(PointerInput.Kind.MOUSE, "mouse");
    Sequence slash = new Sequence(mouse, 0);
    slash.addAction(
        mouse.createPointerMove(Duration.ZERO, PointerInput.Origin.fromElement(pad), -150, 150));
    slash.addAction(mouse.createPointerDown(PointerInput.MouseButton.LEFT.asArg()));
    slash.addAction(
        mouse.createPointerMove(
            Duration.ofMillis(50), PointerInput.Origin.fromElement(pad), 150, -150));
    slash.addAction(mouse.createPointerUp(PointerInput.MouseButton.LEFT.asArg()));
    int strokes = strokesOnPad();
    driver.perform(List.of(slash));
    awaitStrokes(strokes + 1, false);
    awaitSettled();
    assertFalse(bars().equals(drawn), "a slash across the digit changes the answer");

    driver.findElement(By.id("undo")).click();
    awaitStrokes(strokes, false);
    awaitSettled();
    assertEquals(drawn, bars());

    // the keyboard does the same: Ctrl+Z undoes, a focused button takes the space bar
    driver.perform(List.of(slash));
    awaitStrokes(strokes + 1, false);
    awaitSettled();
    new Actions(driver).keyDown(Keys.CONTROL).sendKeys("z").keyUp(Keys.CONTROL).perform();
    awaitStrokes(strokes, false);
    awaitSettled();
    assertEquals(drawn, bars());

    driver.findElement(By.id("clear")).sendKeys(Keys.SPACE);
    awaitStrokes(0, false);
    assertEquals("empty", state());
    assertFalse(driver.findElement(By.id("answer")).isDisplayed());
    assertFalse(driver.findElement(By.id("undo")).isEnabled());
    assertFalse(driver.findElement(By.id("clear")).isEnabled());
    Object lit =
        driver.executeScript(
            "const c = document.getElementById('pad');"
                + "const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                + "let lit = 0; for (let i = 0; i < d.length; i += 4) if (d[i] > 0) lit++;"
                + "return lit;");
    assertEquals(0L, lit);
  }

  @Test
  void pickingAnotherModelShowsItsCardAndAsksIt() {
    int index = digits.values().iterator().next();
    draw(index, PointerInput.Kind.MOUSE);
    awaitSettled();
    assertTrue(text("latency").endsWith("by " + model + "."), text("latency"));

    new Select(driver.findElement(By.id("model"))).selectByValue(OTHER_FIXTURE);
    waitUntil(() -> text("card-name").equals(OTHER_FIXTURE), "the other model's card");
    assertEquals("Cross-entropy", text("card-method"));
    waitUntil(() -> text("latency").endsWith("by " + OTHER_FIXTURE + "."), "the other's answer");
    awaitSettled();
    assertTrue(driver.getCurrentUrl().endsWith("?model=" + OTHER_FIXTURE), driver.getCurrentUrl());
  }

  @Test
  void anUnknownModelInTheAddressIsNamedAndAServedOneShown() {
    driver.get(base + "/?model=no-such-model");
    waitUntil(() -> driver.findElement(By.id("card")).isDisplayed(), "the model card to show");
    // the default model when it is served, else the first in the server's list
    String shown = driver.findElement(By.id("model")).getAttribute("value");
    assertEquals(model.equals(DEFAULT) ? DEFAULT : OTHER_FIXTURE, shown);
    assertEquals(
        "The server has no model named “no-such-model”; showing " + shown + " instead.",
        text("notice"));
    assertEquals(shown, text("card-name"));
    assertTrue(driver.getCurrentUrl().endsWith("?model=" + shown), driver.getCurrentUrl());
  }

  @Test
  void aChosenPngFileIsRecognised() throws IOException {
    int index = digits.values().iterator().next();
    Path png = Files.createTempFile("mnist-" + test.label(index) + "-", ".png");
    try {
      Files.write(png, test.png(index));
      driver.findElement(By.id("file")).sendKeys(png.toString());
      awaitSettled();
      assertEquals(String.valueOf(test.label(index)), text("top-label"));
      assertTrue(text("file-note").contains(png.getFileName().toString()), text("file-note"));
      assertTrue(text("file-note").contains("28 × 28"), text("file-note"));
    } finally {
      Files.deleteIfExists(png);
    }
  }

  @Test
  void aDroppedPngFileIsRecognised() {
    for (int index : digits.values()) {
      drop(test.png(index), "digit.png", "image/png");
      awaitSettled();
      assertEquals(String.valueOf(test.label(index)), text("top-label"), "test image " + index);
    }
  }

  @Test
  void aColourPhotoModelOffersAPhotoDropInsteadOfThePadAndReadsADroppedPhoto() throws IOException {
    driver.get(base + "/?model=" + PHOTO_FIXTURE);
    waitUntil(() -> text("card-name").equals(PHOTO_FIXTURE), "the photo model's card");
    waitUntil(
        () -> "photo".equals(driver.findElement(By.id("drop-zone")).getAttribute("data-mode")),
        "the photo mode");
    assertTrue(driver.findElement(By.id("photo-prompt")).isDisplayed(), "the photo prompt");
    assertFalse(driver.findElement(By.id("undo")).isDisplayed(), "undo is for strokes");
    assertEquals("Your photo", text("draw-title"));
    assertEquals("48 × 32 RGB photos", text("card-input"));
    // the pad takes no strokes for a photo model (the prompt above it opens the file chooser)
    driver.executeScript(
        "const pad = document.getElementById('pad');"
            + "const r = pad.getBoundingClientRect();"
            + "pad.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, button: 0,"
            + "  pointerId: 1, pointerType: 'mouse', clientX: r.x + 10, clientY: r.y + 10 }));");
    assertEquals(0, strokesOnPad());

    BufferedImage photo = new BufferedImage(120, 80, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = photo.createGraphics();
    g.setColor(new Color(30, 60, 200));
    g.fillRect(0, 0, 120, 80);
    g.dispose();
    ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
    ImageIO.write(photo, "jpeg", jpeg);
    drop(jpeg.toByteArray(), "sky.jpg", "image/jpeg");
    awaitSettled();
    assertEquals("blue", text("top-label"));
    assertFalse(driver.findElement(By.id("photo-prompt")).isDisplayed(), "the photo is shown");
    screenshot("web-page-photo.png", DESKTOP_WIDTH);

    new Select(driver.findElement(By.id("model"))).selectByValue(model);
    waitUntil(
        () -> "draw".equals(driver.findElement(By.id("drop-zone")).getAttribute("data-mode")),
        "the drawing pad for the digit model");
    assertTrue(driver.findElement(By.id("undo")).isDisplayed(), "undo is back");
    assertEquals("Your digit", text("draw-title"));
  }

  @Test
  void aServerErrorIsShownAsAMessageAndThePageKeepsWorking() {
    byte[] notAnImage =
        "these are not the pixels you are looking for".getBytes(StandardCharsets.UTF_8);
    String serverSays =
        http.post(
                "/v1/models/" + model + "/classify?top_k=5", "application/octet-stream", notAnImage)
            .error();

    drop(notAnImage, "notes.txt", "text/plain");
    waitUntil(() -> "error".equals(state()), "the error to show");
    WebElement error = driver.findElement(By.id("error"));
    assertTrue(error.isDisplayed());
    assertEquals("alert", error.getAttribute("role"));
    assertTrue(error.getText().startsWith(serverSays), error.getText() + " vs " + serverSays);
    assertTrue(error.getText().endsWith("(400 Bad Request)"), error.getText());

    int index = digits.values().iterator().next();
    draw(index, PointerInput.Kind.MOUSE);
    awaitSettled();
    assertFalse(error.isDisplayed());
    assertEquals(String.valueOf(test.label(index)), text("top-label"));
  }

  @Test
  void atPhoneWidthEverythingFitsAndAFingerCanDraw() throws IOException {
    driver.manage().window().setSize(new Dimension(390, 844));
    driver.navigate().refresh();
    waitUntil(() -> driver.findElement(By.id("card")).isDisplayed(), "the model card to show");
    assertEquals(390L, driver.executeScript("return window.innerWidth;"));
    assertEquals(
        Boolean.TRUE,
        driver.executeScript(
            "return document.documentElement.scrollWidth <= document.documentElement.clientWidth;"),
        "the page scrolls sideways at phone width");

    int index = digits.values().iterator().next();
    draw(index, PointerInput.Kind.TOUCH);
    awaitSettled();
    assertEquals(String.valueOf(test.label(index)), text("top-label"));
    for (String button : List.of("undo", "clear", "choose")) {
      assertTrue(
          driver.findElement(By.id(button)).getSize().getHeight() >= 40,
          button + " is too small to tap");
    }

    screenshot("web-page-phone.png", 390);
  }

  // ---- helpers ----

  /** One row of the prediction bars. */
  record Bar(String label, int index, double probability, String group) {}

  private List<Bar> bars() {
    List<Bar> bars = new ArrayList<>();
    for (WebElement row : driver.findElements(By.cssSelector("#bars li"))) {
      bars.add(
          new Bar(
              row.getAttribute("data-label"),
              Integer.parseInt(row.getAttribute("data-index")),
              Double.parseDouble(row.getAttribute("data-probability")),
              row.getAttribute("data-group")));
    }
    return bars;
  }

  /** Draws MNIST test image {@code index} and waits until the page has taken every stroke. */
  private void draw(int index, PointerInput.Kind kind) {
    WebElement pad = driver.findElement(By.id("pad"));
    int side = pad.getSize().getWidth();
    int before = strokesOnPad();
    List<List<DigitStrokes.Point>> strokes = DigitStrokes.of(test, index);
    driver.perform(List.of(DigitStrokes.draw(strokes, pad, side, kind)));
    awaitStrokes(before + strokes.size(), false);
  }

  private int strokesOnPad() {
    String strokes = driver.findElement(By.id("pad")).getAttribute("data-strokes");
    return strokes == null ? 0 : Integer.parseInt(strokes);
  }

  /** Input events may still be queued in the page when the driver returns from perform. */
  private void awaitStrokes(int strokes, boolean penDown) {
    waitUntil(
        () ->
            strokesOnPad() == strokes
                && String.valueOf(penDown)
                    .equals(driver.findElement(By.id("pad")).getAttribute("data-drawing")),
        strokes + " strokes on the pad, pen " + (penDown ? "down" : "up"));
  }

  private void clear() {
    WebElement clear = driver.findElement(By.id("clear"));
    if (clear.isEnabled()) {
      clear.click();
    }
  }

  private void drop(byte[] bytes, String name, String type) {
    driver.executeScript(
        "const [data, name, type] = arguments;"
            + "const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));"
            + "const transfer = new DataTransfer();"
            + "transfer.items.add(new File([bytes], name, { type }));"
            + "const pad = document.getElementById('pad');"
            + "for (const kind of ['dragenter', 'dragover', 'drop']) {"
            + "  pad.dispatchEvent(new DragEvent(kind,"
            + "    { bubbles: true, cancelable: true, dataTransfer: transfer }));"
            + "}",
        Base64.getEncoder().encodeToString(bytes),
        name,
        type);
  }

  /** Pearson correlation of the page's 28 x 28 model input with the MNIST image drawn. */
  private double previewCorrelation(int index) {
    @SuppressWarnings("unchecked")
    List<Long> preview =
        (List<Long>)
            driver.executeScript(
                "const d = document.getElementById('preview').getContext('2d')"
                    + ".getImageData(0, 0, 28, 28).data;"
                    + "const out = []; for (let i = 0; i < d.length; i += 4) out.push(d[i]);"
                    + "return out;");
    float[] original = test.image(index);
    double ma = 0;
    double mb = 0;
    for (int p = 0; p < MnistData.PIXELS; p++) {
      ma += preview.get(p) / (double) MnistData.PIXELS;
      mb += original[p] / MnistData.PIXELS;
    }
    double ab = 0;
    double aa = 0;
    double bb = 0;
    for (int p = 0; p < MnistData.PIXELS; p++) {
      double a = preview.get(p) - ma;
      double b = original[p] - mb;
      ab += a * b;
      aa += a * a;
      bb += b * b;
    }
    return ab / Math.sqrt(aa * bb);
  }

  private String state() {
    return driver.findElement(By.id("result")).getAttribute("data-state");
  }

  private void awaitSettled() {
    waitUntil(() -> List.of("done", "error").contains(state()), "the prediction to settle");
    assertEquals("done", state(), () -> "the page shows an error: " + text("error"));
  }

  private void waitUntil(BooleanSupplier condition, String what) {
    new WebDriverWait(driver, SETTLE)
        .withMessage("waiting for " + what)
        .until(d -> condition.getAsBoolean());
  }

  private String text(String id) {
    return driver.findElement(By.id(id)).getText();
  }

  private static String percent(double p) {
    if (p < 0.0005) {
      return "<0.1%";
    }
    return String.format(Locale.ROOT, p >= 0.9995 ? "%.0f%%" : "%.1f%%", 100 * p);
  }

  /** Saves the whole page, its window as tall as the page, at {@code width} CSS pixels. */
  private void screenshot(String name, int width) throws IOException {
    driver.manage().window().setSize(new Dimension(width, DESKTOP_HEIGHT));
    long height =
        (Long)
            driver.executeScript(
                "return document.documentElement.scrollHeight"
                    + " + window.outerHeight - window.innerHeight;");
    driver.manage().window().setSize(new Dimension(width, (int) height));
    Path dir = Path.of(System.getProperty("reslt.web.screenshots.dir", "target/screenshots"));
    Files.createDirectories(dir);
    Files.write(dir.resolve(name), driver.getScreenshotAs(OutputType.BYTES));
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
