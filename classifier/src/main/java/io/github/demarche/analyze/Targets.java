package io.github.demarche.analyze;

import io.github.demarche.actors.ActorMention;
import io.github.demarche.domain.Speaker;
import io.github.demarche.domain.Statement;
import io.github.demarche.extract.ActorResolver;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The parties a statement is about: every actor its text names, in text order, except the
 * speaker's own actor and the words of the speaker's mention. Deliberately simple: it does not
 * tell the accused from the accuser beyond leaving out the speaker. Stateless and thread-safe.
 */
final class Targets {
  private Targets() {}

  /** Actor ids of the parties named in the statement, without duplicates. */
  static List<String> of(Statement statement, ActorResolver actors) {
    Speaker speaker = statement.speaker();
    String own = speaker != null && speaker.actor() != null ? speaker.actor().id() : null;
    int mentionStart = -1;
    int mentionEnd = -1;
    if (speaker != null) {
      mentionStart = statement.text().indexOf(speaker.mention());
      mentionEnd = mentionStart < 0 ? -1 : mentionStart + speaker.mention().length();
    }
    Set<String> ids = new LinkedHashSet<>();
    for (ActorMention m : actors.find(statement.text())) {
      boolean inMention = m.start() < mentionEnd && m.end() > mentionStart;
      if (!inMention && !m.actor().id().equals(own)) {
        ids.add(m.actor().id());
      }
    }
    return new ArrayList<>(ids);
  }
}
