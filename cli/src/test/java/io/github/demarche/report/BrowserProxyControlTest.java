package io.github.demarche.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The browser tests' checks can fail: a page that loads something is caught by both. */
class BrowserProxyControlTest {
  @TempDir Path dir;

  @Test
  void aPageThatLoadsAnImageIsCaughtByTheProxyAndTheDomCheck() throws Exception {
    Path page = Files.writeString(dir.resolve("leaky.html"), "<!DOCTYPE html><html><head>"
        + "<meta charset=\"utf-8\"><title>x</title></head><body><p>hello</p>"
        + "<img src=\"http://demarche-report-test.example/pixel.png\"></body></html>");
    try (HeadlessChromium browser = HeadlessChromium.start()) {
      String dom = browser.dumpDom(page);
      assertThrows(AssertionError.class, () -> HeadlessChromium.assertSelfContained(dom));
      assertTrue(browser.pageRequests().stream()
          .anyMatch(r -> r.contains("demarche-report-test.example")), browser.pageRequests()
          .toString());
      // the same page under the reports' Content-Security-Policy requests nothing
      Path locked = Files.writeString(dir.resolve("locked.html"), Files.readString(page)
          .replace("<head>", "<head><meta http-equiv=\"Content-Security-Policy\" content=\""
              + Html.CSP + "\">"));
      int before = browser.pageRequests().size();
      browser.dumpDom(locked);
      assertEquals(before, browser.pageRequests().size(), browser.pageRequests().toString());
    }
  }
}
