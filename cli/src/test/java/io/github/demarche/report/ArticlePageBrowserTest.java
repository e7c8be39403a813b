package io.github.demarche.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.demarche.Demarche;
import io.github.demarche.domain.Document;
import io.github.demarche.domain.Statement;
import io.github.demarche.output.StatementJson;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The article page ({@code analyze --format html}) renders in a real browser with each statement
 * that {@code --format jsonl} ({@link StatementJson}) writes highlighted with its label, speaker
 * and actor; the matrix counts match, text from the article stays text, and the page makes no
 * request.
 */
class ArticlePageBrowserTest {
  static final String ARTICLE = "Azerbaijan accused Armenia of shelling its positions near"
      + " <script>alert('x')</script> & Lachin on Monday.\n\n\u201CWe will respond,\u201D said"
      + " Azerbaijani President Ilham Aliyev. \u201CWe have no other choice.\u201D\n\n"
      + "Russia called on both sides to show restraint and return to talks.\n\n"
      + "The European Union said it was deeply concerned by the escalation"
      + " <img src=\"http://example.com/x.png\">.\n\nThe weather was mild.";

  @TempDir Path dir;

  @Test
  void theArticlePageShowsEveryStatementOfJsonlAndTheActorMatrixAndMakesNoRequest()
      throws Exception {
    Document doc = new Document("article.txt", ARTICLE);
    List<Statement> found = Demarche.analyzer().analyze(doc);
    Path page = dir.resolve("article.html");
    PageFile.write(page, ArticlePage.render("Demarche: article.txt",
        List.of(new ArticlePage.Analysed(doc, found)), true), List.of());
    List<JsonNode> statements = new ArrayList<>();
    found.forEach(s -> statements.add(StatementJson.toJson(doc.id(), s)));  // analyze --format jsonl
    assertTrue(statements.size() >= 4, statements.toString());

    try (HeadlessChromium browser = HeadlessChromium.start()) {
      String dom = browser.dumpDom(page);
      Files.createDirectories(EvaluationPageBrowserTest.SHOTS);
      Files.writeString(EvaluationPageBrowserTest.SHOTS.resolve("article.dom.html"), dom);
      BufferedImage png = browser.screenshot(page,
          EvaluationPageBrowserTest.SHOTS.resolve("article.png"), 1200, 1400);
      HeadlessChromium.assertRendered(png);
      HeadlessChromium.assertSelfContained(dom);
      assertEquals(List.of(), browser.pageRequests(), "requests left the page");

      List<Map<String, String>> marks = HeadlessChromium.elements(dom, "mark", "data-start");
      assertEquals(statements.size(), marks.size());
      Map<String, Integer> perActor = new HashMap<>();
      Map<String, Integer> perActorLabel = new HashMap<>();
      for (int i = 0; i < marks.size(); i++) {
        JsonNode s = statements.get(i);
        Map<String, String> m = marks.get(i);
        assertEquals(s.get("start").asText(), m.get("data-start"));
        assertEquals(s.get("end").asText(), m.get("data-end"));
        assertEquals(s.get("positions").get(0).get("label").asText(), m.get("data-label"));
        JsonNode sp = s.get("speaker");
        assertEquals(sp.isNull() ? "" : sp.get("mention").asText(), m.get("data-speaker"));
        String actor = sp.isNull() || sp.get("actor").isNull() ? ""
            : sp.get("actor").get("id").asText();
        assertEquals(actor, m.get("data-actor"));
        String row = sp.isNull() ? ArticlePage.NO_SPEAKER
            : actor.isEmpty() ? ArticlePage.UNRESOLVED : actor;
        perActor.merge(row, 1, Integer::sum);
        for (JsonNode p : s.get("positions")) {
          perActorLabel.merge(row + "|" + p.get("label").asText(), 1, Integer::sum);
        }
      }
      assertTrue(marks.stream().anyMatch(m -> m.get("data-actor").equals("AZE")), marks.toString());
      // the matrix: every actor's statement count, every cell's count
      for (Map<String, String> td : HeadlessChromium.elements(dom, "td", "data-actor")) {
        String key = td.containsKey("data-label")
            ? td.get("data-actor") + "|" + td.get("data-label") : td.get("data-actor");
        Map<String, Integer> expected = td.containsKey("data-label") ? perActorLabel : perActor;
        assertEquals(expected.getOrDefault(key, 0), Integer.parseInt(td.get("data-value")), key);
      }
      assertEquals(perActor.size(), HeadlessChromium.elements(dom, "td", "data-actor").stream()
          .filter(td -> !td.containsKey("data-label")).count());
      // the article's markup is shown, not run
      assertTrue(dom.contains("&lt;script&gt;alert('x')&lt;/script&gt; &amp; Lachin"), "escaped");
      assertTrue(dom.contains("&lt;img src=\"http://example.com/x.png\"&gt;"), "escaped");
      assertFalse(dom.contains("<script>") || dom.contains("<img"));
    }
  }
}
