package io.github.demarche.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.demarche.data.Example;
import io.github.demarche.domain.Actor;
import io.github.demarche.domain.ActorKind;
import io.github.demarche.domain.Document;
import io.github.demarche.domain.Position;
import io.github.demarche.domain.Speaker;
import io.github.demarche.domain.Statement;
import io.github.demarche.eval.Evaluation;
import io.github.demarche.eval.Evaluator;
import io.github.demarche.taxonomy.Taxonomy;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Without a browser: what the data says is escaped, and every page carries its CSP first. */
class PagesEscapeTest {
  private static final String HOSTILE = "<script>alert(\"x\")</script>&<img src=x onerror=y>'";

  private static void assertSafe(String page) {
    assertTrue(page.startsWith("<!DOCTYPE html>\n<html lang=\"en\"><head>\n<meta http-equiv=\""
        + "Content-Security-Policy\" content=\"" + Html.CSP + "\">"), page);
    assertFalse(page.contains("<script") || page.contains("<img") || page.contains("onerror=y>"),
        page);
    assertTrue(page.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&lt;img"),
        page);
  }

  @Test
  void theArticlePageEscapesTextIdsSpeakersAndActors() {
    String text = "Intro " + HOSTILE + ". Russia said " + HOSTILE + ".";
    Document doc = new Document("doc " + HOSTILE, text);
    Actor actor = new Actor("RUS", "Russia " + HOSTILE, ActorKind.STATE);
    Statement s = Statement.in(doc, text.indexOf("Russia"), text.length(), 1,
        new Speaker("Russia " + HOSTILE, actor))
        .withPositions(List.of(new Position("accusation", 0.7, List.of("t" + HOSTILE))));
    String page = ArticlePage.render("title " + HOSTILE,
        List.of(new ArticlePage.Analysed(doc, List.of(s))), true);
    assertSafe(page);
    // the text before the statement, the statement and the tag are all there, as text
    assertTrue(page.indexOf("Intro &lt;script&gt;") < page.indexOf("<mark"), page);
  }

  @Test
  void theEvaluationPageEscapesTitleIdsTextsAndTargets() {
    Taxonomy t = Taxonomy.of("t", List.of("a", "b"));
    List<Example> examples = List.of(new Example("id" + HOSTILE, "text " + HOSTILE, List.of("a"),
        "target " + HOSTILE, null), new Example(null, "fine", List.of("b"), null, null));
    Evaluation e = new Evaluator(5).score(t, examples, List.of(List.of("b"), List.of("b")),
        List.of(new double[] {0.2, 0.8}, new double[] {0.1, 0.9}));
    assertSafe(EvaluationPage.render(e, "title " + HOSTILE, c -> List.of()));
  }
}
