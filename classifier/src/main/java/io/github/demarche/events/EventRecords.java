package io.github.demarche.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.demarche.documents.DocumentDates;
import io.github.demarche.domain.Actor;
import io.github.demarche.domain.Document;
import io.github.demarche.domain.Position;
import io.github.demarche.domain.Speaker;
import io.github.demarche.domain.Statement;
import io.github.demarche.taxonomy.Label;
import io.github.demarche.taxonomy.Taxonomy;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Statements as event records in the conventions of the event-data field (ICEWS, PLOVER/POLECAT):
 * one record per speaker actor, position and target, with CAMEO actor codes for source and
 * target, the CAMEO event code and PLOVER event type of the position's label, the document's date
 * and web address, and the sentence with its offsets. The mapping and what it cannot say are in
 * {@code docs/events.md}. Stateless apart from its lookups; thread-safe when they are.
 */
public final class EventRecords {
  private static final Pattern PLOVER = Pattern.compile("([A-Z_]+)(?:\\s*\\(([^)]*)\\))?");

  private final ObjectMapper json;
  private final Taxonomy taxonomy;
  private final Function<String, Optional<Actor>> actorsById;

  /**
   * @param json the mapper that makes the objects
   * @param taxonomy where the labels' CAMEO and PLOVER codes come from
   * @param actorsById the actor of a target id, for its name and CAMEO code
   */
  public EventRecords(ObjectMapper json, Taxonomy taxonomy,
      Function<String, Optional<Actor>> actorsById) {
    this.json = json;
    this.taxonomy = taxonomy;
    this.actorsById = actorsById;
  }

  /**
   * The event records of a document's statements, in statement order. A statement without a
   * resolved speaker, and a position of the exclusive label ("none"), give no record; a position
   * without a target gives one record whose target is null.
   */
  public List<ObjectNode> of(Document document, List<Statement> statements) {
    LocalDate date = DocumentDates.of(document).orElse(null);
    String exclusive = taxonomy.exclusiveLabel().orElse(Taxonomy.NONE);
    List<ObjectNode> out = new ArrayList<>();
    for (Statement s : statements) {
      Speaker speaker = s.speaker();
      if (speaker == null || speaker.actors().isEmpty()) {
        continue;
      }
      for (Actor source : speaker.actors()) {
        for (Position p : s.positions()) {
          if (p.label().equals(exclusive)) {
            continue;
          }
          List<String> targets = new ArrayList<>(p.targets());
          targets.remove(source.id());
          if (targets.isEmpty()) {
            targets.add(null);
          }
          for (String target : targets) {
            out.add(record(document, date, s, speaker, source, p, target, out.size()));
          }
        }
      }
    }
    return out;
  }

  private ObjectNode record(Document document, LocalDate date, Statement s, Speaker speaker,
      Actor source, Position p, String target, int n) {
    ObjectNode o = json.createObjectNode();
    o.put("event_id", document.id() + "#" + s.start() + "-" + s.end() + "/" + (n + 1));
    o.put("document", document.id());
    o.put("event_date", date == null ? null : date.toString());
    o.put("url", document.metadata().url() != null ? document.metadata().url()
        : document.id().startsWith("http") ? document.id() : null);
    o.put("publisher", document.metadata().publisher());
    actor(o, "source", source);
    o.put("source_mention", speaker.mention());
    if (target == null) {
      o.putNull("target_actor").putNull("target_name").putNull("target_cameo")
          .putNull("target_country");
    } else {
      Optional<Actor> t = actorsById.apply(target);
      if (t.isPresent()) {
        actor(o, "target", t.get());
      } else { // a mention no actor was found for
        o.putNull("target_actor").put("target_name", target).putNull("target_cameo")
            .putNull("target_country");
      }
    }
    Label label = taxonomy.label(p.label()).orElse(Label.named(p.label()));
    o.put("label", p.label());
    o.put("score", Math.round(p.score() * 1e4) / 1e4);
    o.put("cameo_code", label.cameo());
    String plover = label.plover();
    String type = null;
    String mode = null;
    String context = null;
    if (plover != null && plover.startsWith("context:")) {
      context = plover.substring("context:".length()).strip();
    } else if (plover != null) {
      Matcher m = PLOVER.matcher(plover.strip());
      if (m.matches()) {
        type = m.group(1);
        mode = m.group(2);
      }
    }
    o.put("plover_type", type);
    o.put("plover_mode", mode);
    o.put("plover_context", context);
    o.put("sentence", s.sentence());
    o.put("start", s.start());
    o.put("end", s.end());
    o.put("text", s.text());
    return o;
  }

  private static void actor(ObjectNode o, String role, Actor a) {
    o.put(role + "_actor", a.id());
    o.put(role + "_name", a.name());
    o.put(role + "_cameo", a.cameo());
    String cameo = a.cameo();
    // the country of a state's code ("IRNGOV" is IRN); organisations and groups have none
    o.put(role + "_country", cameo != null && a.kind() == io.github.demarche.domain.ActorKind.STATE
        ? cameo.substring(0, 3) : null);
  }
}
