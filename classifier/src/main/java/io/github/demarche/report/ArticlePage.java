package io.github.demarche.report;

import static io.github.demarche.report.Html.esc;
import static io.github.demarche.report.Html.fmt;

import io.github.demarche.domain.Actor;
import io.github.demarche.domain.Document;
import io.github.demarche.domain.Position;
import io.github.demarche.domain.Speaker;
import io.github.demarche.domain.Statement;
import io.github.demarche.output.TargetsText;
import io.github.demarche.taxonomy.Taxonomy;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Analysed articles as one self-contained HTML page: each article's text with every statement
 * highlighted in the colour of its main (best) position and tagged with its speaker, the actor
 * the speaker speaks for, and its positions; then a matrix of actors by positions over all the
 * articles. Stateless and thread-safe.
 */
public final class ArticlePage {
  /** Row of statements whose text names no speaker. */
  public static final String NO_SPEAKER = "(no speaker)";
  /** Row of statements whose speaker resolves to no actor. */
  public static final String UNRESOLVED = "(unresolved)";

  /**
   * One article and its statements, as {@code Analyzer.analyze} returned them. Immutable.
   *
   * @param document the article
   * @param statements its statements, in text order
   */
  public record Analysed(Document document, List<Statement> statements) {
    /**
     * Copies the statements.
     *
     * @param document the article
     * @param statements its statements
     */
    public Analysed {
      statements = List.copyOf(statements);
    }
  }

  private ArticlePage() {}

  /**
   * The page.
   *
   * @param title the page's heading
   * @param documents the analysed articles, in order
   * @param showArticles false to show only the matrix of actors by positions
   * @return the whole page, from {@code <!DOCTYPE html>} on
   */
  public static String render(String title, List<Analysed> documents, boolean showArticles) {
    List<String> labels = labels(documents);
    StringBuilder b = new StringBuilder();
    b.append("<h1>").append(esc(title)).append("</h1>\n");
    int statements = documents.stream().mapToInt(d -> d.statements().size()).sum();
    b.append(String.format(Locale.ROOT, "<p class=\"muted\">%d article(s), %d statement(s)."
        + " Each statement is highlighted in the colour of its main position; the tag after it"
        + " names its speaker, [the actor they speak for], and its positions with their scores and"
        + " targets. Grey: no position found.</p>%n", documents.size(), statements));
    legend(b, labels);
    if (showArticles) {
      for (Analysed d : documents) {
        article(b, d, labels);
      }
    }
    matrix(b, documents, labels);
    return Html.page(title, b.toString());
  }

  /** Every label taken, most frequent first, the exclusive "none" last. */
  private static List<String> labels(List<Analysed> documents) {
    Map<String, Integer> counts = new HashMap<>();
    documents.forEach(d -> d.statements().forEach(s -> s.positions()
        .forEach(p -> counts.merge(p.label(), 1, Integer::sum))));
    return counts.keySet().stream()
        .sorted(Comparator.comparing((String l) -> l.equals(Taxonomy.NONE))
            .thenComparing(l -> -counts.get(l)).thenComparing(l -> l))
        .toList();
  }

  private static void legend(StringBuilder b, List<String> labels) {
    b.append("<p id=\"legend\">");
    for (String l : labels) {
      b.append("<span class=\"chip\" style=\"background:").append(background(labels, l))
          .append("\" data-label=\"").append(esc(l)).append("\">").append(esc(l))
          .append("</span> ");
    }
    b.append("</p>\n");
  }

  private static String background(List<String> labels, String label) {
    return label == null || label.equals(Taxonomy.NONE) ? "#e8e8e8"
        : Html.tint(Html.colour(labels.indexOf(label)), 0.45);
  }

  private static void article(StringBuilder b, Analysed d, List<String> labels) {
    String text = d.document().text();
    b.append("<section class=\"doc\" data-document=\"").append(esc(d.document().id()))
        .append("\">\n<h2>").append(esc(d.document().id())).append("</h2>\n<div class=\"article\">");
    int cursor = 0;
    List<Statement> ordered = new ArrayList<>(d.statements());
    ordered.sort(Comparator.comparingInt(Statement::start));
    for (Statement s : ordered) {
      int start = Math.max(cursor, Math.min(s.start(), text.length()));
      int end = Math.max(start, Math.min(s.end(), text.length()));
      b.append(esc(text.substring(cursor, start)));
      Position main = s.positions().isEmpty() ? null : s.positions().get(0);
      String label = main == null ? Taxonomy.NONE : main.label();
      Speaker sp = s.speaker();
      Actor actor = sp == null ? null : sp.actor();
      b.append("<mark class=\"st").append(label.equals(Taxonomy.NONE) ? " none" : "")
          .append("\" style=\"background:").append(background(labels, label))
          .append("\" data-start=\"").append(s.start()).append("\" data-end=\"").append(s.end())
          .append("\" data-label=\"").append(esc(label)).append("\" data-speaker=\"")
          .append(esc(sp == null ? "" : sp.mention())).append("\" data-actor=\"")
          .append(esc(actor == null ? "" : actor.id())).append("\">")
          .append(esc(text.substring(start, end))).append("</mark>");
      b.append("<span class=\"who\">").append(esc(who(sp))).append(" \u00b7 ")
          .append(esc(positions(s))).append("</span>");
      cursor = end;
    }
    b.append(esc(text.substring(cursor))).append("</div>\n</section>\n");
  }

  /** "mention [ID/ID]", or "no speaker". */
  private static String who(Speaker sp) {
    if (sp == null) {
      return "no speaker";
    }
    String ids = sp.actors().stream().map(Actor::id).collect(Collectors.joining("/"));
    return sp.mention() + (ids.isEmpty() ? " [?]" : " [" + ids + "]");
  }

  private static String positions(Statement s) {
    if (s.positions().isEmpty()) {
      return "not classified";
    }
    return s.positions().stream().map(p -> p.label() + " " + fmt(p.score()).substring(0, 4)
            + targets(p))
        .collect(Collectors.joining(", "));
  }

  private static String targets(Position p) {
    String text = TargetsText.of(p);
    return text.isEmpty() ? "" : " \u2192 " + text;
  }

  /** Statements by speaker actor and position: a statement counts once under each position. */
  private static void matrix(StringBuilder b, List<Analysed> documents, List<String> labels) {
    Map<String, Map<String, Integer>> cells = new TreeMap<>();
    Map<String, Integer> statements = new HashMap<>();
    Map<String, String> names = new HashMap<>();
    for (Analysed d : documents) {
      for (Statement s : d.statements()) {
        String key = s.speaker() == null ? NO_SPEAKER
            : s.speaker().actor() == null ? UNRESOLVED : s.speaker().actor().id();
        if (s.speaker() != null && s.speaker().actor() != null) {
          names.put(key, s.speaker().actor().name());
        }
        statements.merge(key, 1, Integer::sum);
        Map<String, Integer> row = cells.computeIfAbsent(key, k -> new LinkedHashMap<>());
        s.positions().forEach(p -> row.merge(p.label(), 1, Integer::sum));
      }
    }
    List<String> actors = cells.keySet().stream()
        .sorted(Comparator.comparing((String a) -> a.startsWith("("))
            .thenComparing(a -> -statements.get(a)).thenComparing(a -> a))
        .toList();
    b.append("<h2>Actors by positions</h2>\n<p class=\"muted\">How many statements of each"
        + " speaker actor take each position (a statement with two positions counts under"
        + " both); the last column counts the actor's statements. Shade: share of the actor's"
        + " statements.</p>\n<table class=\"heat\" id=\"matrix\">\n<tr><th class=\"l\">actor</th>"
        + "<th class=\"l\">name</th>");
    labels.forEach(l -> b.append("<th class=\"col\">").append(esc(l)).append("</th>"));
    b.append("<th>statements</th></tr>\n");
    for (String a : actors) {
      int total = statements.get(a);
      b.append("<tr><th class=\"l\">").append(esc(a)).append("</th><td class=\"l\">")
          .append(esc(names.getOrDefault(a, ""))).append("</td>");
      for (String l : labels) {
        int n = cells.get(a).getOrDefault(l, 0);
        double share = (double) n / total;
        b.append(String.format(Locale.ROOT, "<td style=\"background:rgba(0,114,178,%.3f);"
                + "color:%s\" data-actor=\"%s\" data-label=\"%s\" data-value=\"%d\">%s</td>",
            share * 0.9, share > 0.5 ? "#fff" : "#222", esc(a), esc(l), n, n == 0 ? "" : n));
      }
      b.append("<td data-actor=\"").append(esc(a)).append("\" data-value=\"").append(total)
          .append("\">").append(total).append("</td></tr>\n");
    }
    b.append("</table>\n");
  }
}
