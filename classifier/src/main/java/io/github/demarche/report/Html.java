package io.github.demarche.report;

import com.google.common.escape.Escaper;
import com.google.common.html.HtmlEscapers;
import java.util.List;
import java.util.Locale;

/**
 * The parts every page shares: escaping, the page frame with its Content-Security-Policy (the page
 * may load nothing: no script, no font, no image but inline {@code data:}), number formats and
 * label colours. Stateless and thread-safe.
 */
final class Html {
  /** Allows inline styles and {@code data:} images, nothing else: no request leaves the page. */
  static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

  private static final Escaper ESCAPER = HtmlEscapers.htmlEscaper();

  /** Colour-blind-safe colours (Okabe-Ito, then Tol's muted), one per label in order. */
  private static final List<String> PALETTE = List.of("#E69F00", "#56B4E9", "#009E73", "#F0E442",
      "#0072B2", "#D55E00", "#CC79A7", "#88CCEE", "#44AA99", "#DDCC77", "#AA4499", "#117733",
      "#882255", "#999933");

  private static final String STYLE = """
      body{font:15px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#222;\
      margin:2em auto;max-width:1100px;padding:0 1em}
      h1{font-size:1.6em;margin-bottom:.2em}h2{font-size:1.25em;margin-top:2em;\
      border-bottom:1px solid #ddd}
      table{border-collapse:collapse}td,th{padding:2px 8px;text-align:right}\
      th{font-weight:600}td.l,th.l{text-align:left}
      .muted{color:#666;font-size:.9em}.figs td{font-variant-numeric:tabular-nums}
      .heat td{border:1px solid #eee;min-width:3em}.heat td.diag{outline:2px solid #222;\
      outline-offset:-2px}.heat th.col{writing-mode:vertical-rl;transform:rotate(180deg);\
      text-align:left;vertical-align:bottom}
      .chip{display:inline-block;border-radius:3px;padding:0 5px;margin:1px;font-size:.85em}
      .pos{background:#d8f0d8}.neg{background:#f6d6d6}
      .err{border-left:4px solid #ccc;padding:.3em .8em;margin:.8em 0}
      .article{white-space:pre-wrap;line-height:1.9}
      mark{border-radius:3px;padding:1px 2px}mark.none{background:#e8e8e8}
      .who{font-size:.75em;color:#333;background:#fff;border:1px solid #bbb;border-radius:3px;\
      padding:0 3px;margin-left:3px;white-space:nowrap}
      .swatch{display:inline-block;width:.9em;height:.9em;border-radius:2px;\
      vertical-align:middle;margin-right:4px}
      """;

  private Html() {}

  /** Text or an attribute value, escaped: {@code & < > " '}. */
  static String esc(String text) {
    return ESCAPER.escape(text == null ? "" : text);
  }

  /** A whole page: doctype, CSP, charset, title, inline style, then {@code body}. */
  static String page(String title, String body) {
    return "<!DOCTYPE html>\n<html lang=\"en\"><head>\n"
        + "<meta http-equiv=\"Content-Security-Policy\" content=\"" + CSP + "\">\n"
        + "<meta charset=\"utf-8\">\n"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        + "<title>" + esc(title) + "</title>\n<style>\n" + STYLE + "</style>\n</head>\n<body>\n"
        + body + "</body></html>\n";
  }

  /** A figure with three decimals, for people. */
  static String fmt(double v) {
    return String.format(Locale.ROOT, "%.3f", v);
  }

  /** A figure as {@code eval --json} writes it (rounded to six decimals), for machines. */
  static String exact(double v) {
    return Double.toString(Math.round(v * 1e6) / 1e6);
  }

  /** The colour of the i-th label (labels beyond the palette reuse it). */
  static String colour(int i) {
    return PALETTE.get(Math.floorMod(i, PALETTE.size()));
  }

  /** A light version of a colour, for backgrounds under text: {@code alpha} in [0, 1]. */
  static String tint(String hex, double alpha) {
    return hex + String.format(Locale.ROOT, "%02x", (int) Math.round(alpha * 255));
  }
}
