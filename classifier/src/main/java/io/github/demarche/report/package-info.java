/**
 * Self-contained HTML pages for people: {@link io.github.demarche.report.EvaluationPage} (an
 * evaluation's per-label bars, confusion heat map, reliability diagram and worst errors) and
 * {@link io.github.demarche.report.ArticlePage} (articles with their statements highlighted, and
 * actors by positions). Pages carry their CSS and SVG inline, load nothing and run no script.
 */
package io.github.demarche.report;
