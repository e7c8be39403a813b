package io.github.demarche.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's {@code chromium}, headless, for tests that look at a page in a real browser: its DOM
 * after parsing ({@code --dump-dom}) and a screenshot. Every request the browser makes goes to a
 * proxy that this class listens on, so a test can tell that no request left the page. Tests are
 * skipped when chromium is not installed, unless {@code DEMARCHE_REQUIRE_BROWSER} is set (CI sets
 * it after installing chromium), when they fail instead.
 */
final class HeadlessChromium implements AutoCloseable {
  private static final List<String> NAMES = List.of("chromium", "chromium-browser",
      "google-chrome", "google-chrome-stable");

  private final Path binary;
  private final ServerSocket proxy;
  private final List<String> requests = java.util.Collections.synchronizedList(new ArrayList<>());
  private final Thread acceptor;

  private HeadlessChromium(Path binary) throws IOException {
    this.binary = binary;
    this.proxy = new ServerSocket(0);
    this.acceptor = new Thread(() -> {
      while (!proxy.isClosed()) {
        try (Socket s = proxy.accept()) {
          s.setSoTimeout(2000);
          // the request line: "GET http://host/path HTTP/1.1" or "CONNECT host:443 HTTP/1.1"
          byte[] head = new byte[512];
          int n = s.getInputStream().read(head);
          String line = n <= 0 ? "" : new String(head, 0, n, StandardCharsets.ISO_8859_1)
              .lines().findFirst().orElse("");
          requests.add(line);
        } catch (java.net.SocketTimeoutException e) {
          requests.add("(request with no request line)");
        } catch (IOException e) {
          return;
        }
      }
    }, "proxy-counter");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** The browser, or a skipped test when there is none (a failure when one is required). */
  static HeadlessChromium start() throws IOException {
    Optional<Path> found = find();
    if (found.isEmpty() && System.getenv("DEMARCHE_REQUIRE_BROWSER") != null) {
      throw new AssertionError("DEMARCHE_REQUIRE_BROWSER is set but no chromium is on the PATH");
    }
    Assumptions.assumeTrue(found.isPresent(),
        "chromium is not installed (apt-get install chromium); browser test skipped");
    return new HeadlessChromium(found.get());
  }

  private static Optional<Path> find() {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String name : NAMES) {
      for (String dir : path.split(File.pathSeparator)) {
        Path p = Path.of(dir.isEmpty() ? "." : dir, name);
        if (Files.isExecutable(p)) {
          return Optional.of(p);
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The request lines of every request the browser sent so far, but those of the browser's own
   * housekeeping (clock, component updates and accounts at Google's hosts, which the launch flags
   * do not all turn off): the requests a page made.
   */
  List<String> pageRequests() {
    synchronized (requests) {
      return requests.stream().filter(r -> !HOUSEKEEPING.matcher(r).find()).toList();
    }
  }

  private static final Pattern HOUSEKEEPING = Pattern.compile(
      "^(GET|POST|CONNECT) (https?://)?[a-z0-9.-]*\\.(google\\.com|googleapis\\.com|gvt1\\.com"
          + "|gstatic\\.com)[:/]");

  /** The page's DOM after the browser parsed it, serialised. */
  String dumpDom(Path page) throws IOException, InterruptedException {
    return run(page, List.of("--dump-dom"));
  }

  /** A screenshot of the page's first {@code width x height} pixels, written to {@code png}. */
  BufferedImage screenshot(Path page, Path png, int width, int height)
      throws IOException, InterruptedException {
    Files.deleteIfExists(png);
    run(page, List.of("--screenshot=" + png.toAbsolutePath(),
        "--window-size=" + width + "," + height, "--hide-scrollbars"));
    assertTrue(Files.size(png) > 0, "no screenshot written");
    return ImageIO.read(png.toFile());
  }

  private String run(Path page, List<String> extra) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory("chromium-profile");
    List<String> cmd = new ArrayList<>(List.of(binary.toString(), "--headless", "--no-sandbox",
        "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
        "--user-data-dir=" + profile,
        // every request, even to this machine, goes through the counting proxy
        "--proxy-server=http://127.0.0.1:" + proxy.getLocalPort(),
        "--proxy-bypass-list=<-loopback>"));
    cmd.addAll(extra);
    cmd.add(page.toAbsolutePath().toUri().toString());
    try {
      Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      byte[] out;
      try (InputStream in = p.getInputStream()) {
        out = in.readAllBytes();
      }
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("chromium did not finish in 120 s");
      }
      assertEquals(0, p.exitValue(), "chromium failed on " + page);
      return new String(out, StandardCharsets.UTF_8);
    } finally {
      try (var files = Files.walk(profile)) {
        for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(f);
        }
      } catch (IOException e) {
        // a profile file still held by a dying browser: the temporary directory keeps it
      }
    }
  }

  /** Asserts that the image is not blank: it holds some ink and several colours. */
  static void assertRendered(BufferedImage image) {
    Set<Integer> colours = new HashSet<>();
    int dark = 0;
    for (int y = 0; y < image.getHeight(); y += 2) {
      for (int x = 0; x < image.getWidth(); x += 2) {
        int rgb = image.getRGB(x, y) & 0xFFFFFF;
        colours.add(rgb);
        int lum = ((rgb >> 16) & 0xFF) + ((rgb >> 8) & 0xFF) + (rgb & 0xFF);
        dark += lum < 200 ? 1 : 0;
      }
    }
    assertTrue(colours.size() > 20 && dark > 500, "page looks blank: " + colours.size()
        + " colours, " + dark + " dark pixels");
  }

  /**
   * Asserts that no element of the DOM can make a request: a Content-Security-Policy that allows
   * nothing but inline styles and data: images comes first in the head, no element carries a
   * script, a link, a source or a URL in a style, and there is no script element.
   */
  static void assertSelfContained(String dom) {
    int head = dom.indexOf("<head>");
    assertTrue(head >= 0, "no head");
    assertTrue(dom.substring(head + "<head>".length()).stripLeading().startsWith(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"" + Html.CSP + "\">"),
        "CSP is not the head's first element");
    Matcher tags = Pattern.compile("<([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>").matcher(dom);
    while (tags.find()) {
      String name = tags.group(1).toLowerCase();
      String attrs = tags.group(2).toLowerCase();
      assertTrue(!Set.of("script", "link", "iframe", "img", "object", "embed", "base", "form",
          "audio", "video", "source").contains(name), "element <" + name + "> in the page");
      assertTrue(!attrs.matches("(?s).*\\b(src|href|action|srcset|poster|xlink:href)\\s*=.*"),
          "attribute that loads something: <" + name + attrs + ">");
      assertTrue(!attrs.contains("url(") && !attrs.contains("http:") && !attrs.contains("https:")
          && !attrs.matches("(?s).*\\bon[a-z]+\\s*=.*"), "URL or handler: <" + name + attrs + ">");
    }
    assertTrue(!dom.contains("@import") && !dom.matches("(?s).*<style>[^<]*url\\(.*"),
        "style loads something");
  }

  /** The {@code name="value"} attributes of every element whose own attributes match {@code has}. */
  static List<java.util.Map<String, String>> elements(String dom, String tag, String has) {
    List<java.util.Map<String, String>> out = new ArrayList<>();
    Matcher m = Pattern.compile("<" + tag + "\\b([^>]*)>").matcher(dom);
    Pattern attr = Pattern.compile("([a-z-]+)=\"([^\"]*)\"");
    while (m.find()) {
      if (!m.group(1).contains(has)) {
        continue;
      }
      java.util.Map<String, String> a = new java.util.LinkedHashMap<>();
      Matcher am = attr.matcher(m.group(1));
      while (am.find()) {
        a.put(am.group(1), unescape(am.group(2)));
      }
      out.add(a);
    }
    return out;
  }

  /** HTML's attribute escapes back to text. */
  static String unescape(String s) {
    return s.replace("&nbsp;", "\u00a0").replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<")
        .replace("&gt;", ">").replace("&amp;", "&");
  }

  @Override
  public void close() throws IOException {
    proxy.close();
  }
}
