package io.github.demarche.actors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.demarche.domain.Actor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CameoConverterTest {
  private static final Path SOURCES = Path.of("../data/cameo-dictionaries");
  private static final Path RESOURCES = Path.of("src/main/resources/io/github/demarche/actors");

  @TempDir Path dir;

  private Path sample() throws IOException {
    Path src = Files.createDirectories(dir.resolve("src"));
    Files.writeString(src.resolve("Phoenix.Countries.actors.txt"), String.join("\n",
        "# MIT notice", "FREEDONIA_  [FRE]", "+FREEDONIAN_", "+FREDVILLE_", "",
        "RUFUS_T._FIREFLY_  # CountryInfo.txt", "+PRESIDENT_FIREFLY_",
        "\t[FREGOV 330101-351231]", "\t[FREELI]",
        "URSULA_VON_DER_LEYEN_ [FREGOV 20191201-20241130]",
        "BASHAR_AL_ASSAD_ [FREGOV >000717]",
        "FREEDONIAN_ARMY_ [FREMIL]", "PINKY_ [FREGOV 330101-351231]",
        "OLD_MAN_ [FREELI]", "GHOST_ [FREGOV 2004017-20061201]", ""));
    Files.writeString(src.resolve("Phoenix.International.actors.txt"), String.join("\n",
        "LEAGUE_OF_NATIONS_ [IGOLON]", "LEAGUE_SECRETARIAT_ [IGOLONBUS]",
        "TRENTINO_OF_SYLVANIA_ [IGOLON 330101-]", "AMBASSADOR_TRENTINO_ [IGOLON >330101]",
        "+TRENTINO_OF_SYLVANIA_",
        "LEAGUE_OF_NATIONS_ [IGOLON]", ""));
    Files.writeString(src.resolve("Phoenix.MilNonState.actors.txt"), String.join("\n",
        "MARX_BROTHERS_BRIGADE_ [FREREB]", "+MBB", "", "ANGRY_BRIGADE_ [FREREB]", ""));
    Files.writeString(src.resolve("Phoenix.agents.txt"), String.join("\n",
        "!PERSON! = MAN, MEN, WOMAN", "SPOKES!PERSON!  [~GOV]", "ARMY [~MIL]",
        "CHAMBER_OF_COMMERCE {CHAMBERS_OF_COMMERCE} [~BUS]", ""));
    Files.writeString(dir.resolve("curated.tsv"), DictionaryReader.FULL_HEADER + "\n"
        + "FRE\tstate\tFreedonia\t\t\tFreedonian\tFredville\n"
        + "league\torganisation\tLeague of Nations\t\t\t\t\t\tIGOLON\n"
        + "angry-brigade\tother\tAngry Brigade\n");
    return src;
  }

  @Test
  void aSmallSampleConvertsToDatedRolesGroupsAndBodies() throws IOException {
    Path out = Files.createDirectories(dir.resolve("out"));
    CameoConverter.convert(sample(), dir.resolve("curated.tsv"), out);
    String tsv = Files.readString(out.resolve("cameo-actors.tsv"));
    assertTrue(tsv.contains("# The MIT License (MIT)"), "keeps the MIT notice");
    List<String> rows = tsv.lines().filter(l -> !l.startsWith("#")).skip(1).toList();
    assertTrue(rows.contains("rufus-t-firefly\tperson\tRufus T. Firefly\t\tPresident Firefly"
        + "\t\t\t\t\tFRE FREGOV 1933-01-01..1935-12-31"), rows.toString());
    assertTrue(rows.stream().anyMatch(r -> r.startsWith("ursula-von-der-leyen\tperson\t"
        + "Ursula von der Leyen\t")), "particles stay lower case inside the name");
    assertTrue(rows.stream().anyMatch(r -> r.contains("Bashar al Assad\t\tBashar al-Assad\t")
        && r.endsWith("FRE FREGOV 2000-07-17..")), rows.toString());
    assertTrue(rows.contains("freedonian-army\torganisation\tFreedonian Army\t\t\t\t\t\t\t"
        + "FRE FREMIL"), "a body of a state speaks for it with its own code");
    assertTrue(rows.contains("ambassador-trentino\tperson\tAmbassador Trentino\t\t"
        + "Trentino of Sylvania\t\t\t\t\tleague IGOLON 1933-01-01.."), rows.toString());
    assertTrue(rows.contains("league\torganisation\tLeague of Nations\t\t\t\t\t\t\t"),
        "more names of a curated organisation are filed under its id, without roles: " + rows);
    assertTrue(rows.contains("league-secretariat\torganisation\tLeague Secretariat\t\t\t\t\t\t\t"
        + "league IGOLONBUS"), "an organisation's code with more letters still belongs to it");
    assertTrue(rows.contains("marx-brothers-brigade\tother\tMarx Brothers Brigade\t\tMBB\t\t\t\t"
        + "FREREB\t"), "an armed group is an actor of its own");
    assertTrue(rows.stream().anyMatch(r -> r.startsWith("angry-brigade\t")),
        "an entry naming a curated actor is filed under its id");
    assertTrue(rows.stream().noneMatch(r -> r.contains("Freedonia\t") || r.contains("Pinky")
        || r.contains("Old Man") || r.contains("Ghost")), "state names, one-word people, elite"
        + " roles and impossible dates are left out: " + rows);
    assertTrue(tsv.contains("# Left out: 1 x alias already used by an earlier entry"), tsv);
    assertTrue(tsv.contains("# Left out: 2 x code that is not [CODE]"), "7-digit date, open range");

    ActorDictionary d = ActorDictionary.load(out.resolve("cameo-actors.tsv"))
        .extendWith(ActorDictionary.load(dir.resolve("curated.tsv")));
    Actor firefly = d.resolve("President Firefly", LocalDate.of(1934, 1, 1)).orElseThrow();
    assertEquals("FRE", firefly.id());
    assertEquals("FREGOV", firefly.cameo());

    String agents = Files.readString(out.resolve("cameo-agents.tsv"));
    for (String line : List.of("spokesman\tGOV", "spokesmen\tGOV", "spokeswoman\tGOV",
        "army\tMIL", "chambers of commerce\tBUS")) {
      assertTrue(agents.lines().anyMatch(line::equals), line + " in " + agents);
    }
  }

  @Test
  void theCommittedConversionIsWhatTheConverterProducesFromTheCopiedSources() throws IOException {
    String expected = CameoConverter.actors(SOURCES, RESOURCES.resolve("actors.tsv"));
    assertEquals(expected, Files.readString(RESOURCES.resolve("cameo-actors.tsv"),
        StandardCharsets.UTF_8), "run CameoConverter again (docs/actors.md)");
    assertEquals(CameoConverter.agents(SOURCES),
        Files.readString(RESOURCES.resolve("cameo-agents.tsv"), StandardCharsets.UTF_8));
  }

  @Test
  void theCopiedSourcesKeepTheirMitNotices() throws IOException {
    assertTrue(Files.readString(SOURCES.resolve("LICENSE")).contains("Copyright (c) 2014 Open"
        + " Event Data"));
    assertTrue(Files.readString(SOURCES.resolve(CameoConverter.ACTOR_FILES.get(0)))
        .contains("The MIT License"));
    for (String f : CameoConverter.ACTOR_FILES) {
      assertTrue(Files.readString(SOURCES.resolve(f)).contains("National Science"), f);
    }
  }
}
