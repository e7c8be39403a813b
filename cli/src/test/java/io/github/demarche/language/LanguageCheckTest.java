package io.github.demarche.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.demarche.data.JsonLines;
import io.github.demarche.testing.Corpus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import opennlp.tools.langdetect.LanguageDetectorModel;
import org.junit.jupiter.api.Test;

/** The cheap English test before the detector, and a detector that cannot load. */
class LanguageCheckTest {
  private static final String[] FOREIGN = {
      "Le ministre des Affaires \u00e9trang\u00e8res a appel\u00e9 \u00e0 un cessez-le-feu imm\u00e9diat et au respect du droit international.",
      "Der Au\u00dfenminister forderte einen sofortigen Waffenstillstand und die Achtung des V\u00f6lkerrechts durch alle Seiten.",
      "El ministro de Asuntos Exteriores pidi\u00f3 un alto el fuego inmediato y el respeto del derecho internacional por todas las partes.",
      "Il ministro degli Esteri ha chiesto un cessate il fuoco immediato e il rispetto del diritto internazionale da parte di tutti.",
      "De minister riep op tot een onmiddellijk staakt-het-vuren en respect voor het internationaal recht van alle partijen.",
      "Minister spraw zagranicznych wezwa\u0142 do natychmiastowego zawieszenia broni i poszanowania prawa mi\u0119dzynarodowego."};

  @Test
  void heldOutEnglishStatementsPassTheCheapTestAndOtherLanguagesDoNot() {
    List<String> dev = new ArrayList<>();
    JsonLines.forEach(Corpus.dev().toString(), l -> dev.add(l.object().get("text").asText()));
    int english = 0;
    for (String text : dev) {
      english += LanguageCheck.looksEnglish(text) ? 1 : 0;
    }
    assertEquals(dev.size(), english, "every dev statement is English without the detector");
    for (String text : FOREIGN) {
      assertFalse(LanguageCheck.looksEnglish(text), text);
    }
  }

  @Test
  void englishInputNeverLoadsTheModel() {
    AtomicInteger loads = new AtomicInteger();
    LanguageCheck check = new LanguageCheck(() -> {
      loads.incrementAndGet();
      return CompletableFuture.failedFuture(new IllegalStateException("must not load"));
    });
    JsonLines.forEach(Corpus.dev().toString(), l -> check.observe(l.number(), l.object().get("text").asText()));
    assertEquals(Optional.empty(), check.warning());
    assertEquals(0, loads.get());
  }

  @Test
  void aModelThatCannotLoadSkipsTheCheckInsteadOfFailingTheRun() {
    CompletableFuture<LanguageDetectorModel> oom = CompletableFuture.failedFuture(new OutOfMemoryError("Java heap space"));
    LanguageCheck check = new LanguageCheck(() -> oom);
    check.observe(1, FOREIGN[0]);
    Optional<String> w = check.warning();
    assertTrue(w.isPresent());
    assertEquals("the language check was skipped: cannot load the language model (out of memory)", w.get());
  }
}
