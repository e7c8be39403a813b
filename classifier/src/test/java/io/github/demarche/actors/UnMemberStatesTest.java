package io.github.demarche.actors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.demarche.domain.Actor;
import io.github.demarche.domain.ActorKind;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every UN member state is in the bundled dictionary under its common name and its demonym. */
class UnMemberStatesTest {
  /** The 193 UN member states: ISO 3166-1 alpha-3 code, common name, demonym (blank: shared). */
  private static final String MEMBERS = """
      AFG|Afghanistan|Afghan
      ALB|Albania|Albanian
      DZA|Algeria|Algerian
      AND|Andorra|Andorran
      AGO|Angola|Angolan
      ATG|Antigua and Barbuda|Antiguan
      ARG|Argentina|Argentine
      ARM|Armenia|Armenian
      AUS|Australia|Australian
      AUT|Austria|Austrian
      AZE|Azerbaijan|Azerbaijani
      BHS|Bahamas|Bahamian
      BHR|Bahrain|Bahraini
      BGD|Bangladesh|Bangladeshi
      BRB|Barbados|Barbadian
      BLR|Belarus|Belarusian
      BEL|Belgium|Belgian
      BLZ|Belize|Belizean
      BEN|Benin|Beninese
      BTN|Bhutan|Bhutanese
      BOL|Bolivia|Bolivian
      BIH|Bosnia and Herzegovina|Bosnian
      BWA|Botswana|Botswanan
      BRA|Brazil|Brazilian
      BRN|Brunei|Bruneian
      BGR|Bulgaria|Bulgarian
      BFA|Burkina Faso|Burkinabe
      BDI|Burundi|Burundian
      CPV|Cabo Verde|Cape Verdean
      KHM|Cambodia|Cambodian
      CMR|Cameroon|Cameroonian
      CAN|Canada|Canadian
      CAF|Central African Republic|Central African
      TCD|Chad|Chadian
      CHL|Chile|Chilean
      CHN|China|Chinese
      COL|Colombia|Colombian
      COM|Comoros|Comorian
      COG|Republic of the Congo|
      CRI|Costa Rica|Costa Rican
      CIV|Côte d'Ivoire|Ivorian
      HRV|Croatia|Croatian
      CUB|Cuba|Cuban
      CYP|Cyprus|Cypriot
      CZE|Czechia|Czech
      PRK|North Korea|North Korean
      COD|Democratic Republic of the Congo|Congolese
      DNK|Denmark|Danish
      DJI|Djibouti|Djiboutian
      DMA|Dominica|
      DOM|Dominican Republic|Dominican
      ECU|Ecuador|Ecuadorian
      EGY|Egypt|Egyptian
      SLV|El Salvador|Salvadoran
      GNQ|Equatorial Guinea|Equatoguinean
      ERI|Eritrea|Eritrean
      EST|Estonia|Estonian
      SWZ|Eswatini|Swazi
      ETH|Ethiopia|Ethiopian
      FJI|Fiji|Fijian
      FIN|Finland|Finnish
      FRA|France|French
      GAB|Gabon|Gabonese
      GMB|Gambia|Gambian
      GEO|Georgia|Georgian
      DEU|Germany|German
      GHA|Ghana|Ghanaian
      GRC|Greece|Greek
      GRD|Grenada|Grenadian
      GTM|Guatemala|Guatemalan
      GIN|Guinea|Guinean
      GNB|Guinea-Bissau|Bissau-Guinean
      GUY|Guyana|Guyanese
      HTI|Haiti|Haitian
      HND|Honduras|Honduran
      HUN|Hungary|Hungarian
      ISL|Iceland|Icelandic
      IND|India|Indian
      IDN|Indonesia|Indonesian
      IRN|Iran|Iranian
      IRQ|Iraq|Iraqi
      IRL|Ireland|Irish
      ISR|Israel|Israeli
      ITA|Italy|Italian
      JAM|Jamaica|Jamaican
      JPN|Japan|Japanese
      JOR|Jordan|Jordanian
      KAZ|Kazakhstan|Kazakh
      KEN|Kenya|Kenyan
      KIR|Kiribati|I-Kiribati
      KWT|Kuwait|Kuwaiti
      KGZ|Kyrgyzstan|Kyrgyz
      LAO|Laos|Lao
      LVA|Latvia|Latvian
      LBN|Lebanon|Lebanese
      LSO|Lesotho|Basotho
      LBR|Liberia|Liberian
      LBY|Libya|Libyan
      LIE|Liechtenstein|Liechtensteiner
      LTU|Lithuania|Lithuanian
      LUX|Luxembourg|Luxembourgish
      MDG|Madagascar|Malagasy
      MWI|Malawi|Malawian
      MYS|Malaysia|Malaysian
      MDV|Maldives|Maldivian
      MLI|Mali|Malian
      MLT|Malta|Maltese
      MHL|Marshall Islands|Marshallese
      MRT|Mauritania|Mauritanian
      MUS|Mauritius|Mauritian
      MEX|Mexico|Mexican
      FSM|Micronesia|Micronesian
      MCO|Monaco|Monegasque
      MNG|Mongolia|Mongolian
      MNE|Montenegro|Montenegrin
      MAR|Morocco|Moroccan
      MOZ|Mozambique|Mozambican
      MMR|Myanmar|Burmese
      NAM|Namibia|Namibian
      NRU|Nauru|Nauruan
      NPL|Nepal|Nepali
      NLD|Netherlands|Dutch
      NZL|New Zealand|New Zealander
      NIC|Nicaragua|Nicaraguan
      NER|Niger|Nigerien
      NGA|Nigeria|Nigerian
      MKD|North Macedonia|North Macedonian
      NOR|Norway|Norwegian
      OMN|Oman|Omani
      PAK|Pakistan|Pakistani
      PLW|Palau|Palauan
      PAN|Panama|Panamanian
      PNG|Papua New Guinea|Papua New Guinean
      PRY|Paraguay|Paraguayan
      PER|Peru|Peruvian
      PHL|Philippines|Philippine
      POL|Poland|Polish
      PRT|Portugal|Portuguese
      QAT|Qatar|Qatari
      KOR|South Korea|South Korean
      MDA|Moldova|Moldovan
      ROU|Romania|Romanian
      RUS|Russia|Russian
      RWA|Rwanda|Rwandan
      KNA|Saint Kitts and Nevis|Kittitian
      LCA|Saint Lucia|Saint Lucian
      VCT|Saint Vincent and the Grenadines|Vincentian
      WSM|Samoa|Samoan
      SMR|San Marino|Sammarinese
      STP|São Tomé and Príncipe|Santomean
      SAU|Saudi Arabia|Saudi
      SEN|Senegal|Senegalese
      SRB|Serbia|Serbian
      SYC|Seychelles|Seychellois
      SLE|Sierra Leone|Sierra Leonean
      SGP|Singapore|Singaporean
      SVK|Slovakia|Slovak
      SVN|Slovenia|Slovenian
      SLB|Solomon Islands|Solomon Islander
      SOM|Somalia|Somali
      ZAF|South Africa|South African
      SSD|South Sudan|South Sudanese
      ESP|Spain|Spanish
      LKA|Sri Lanka|Sri Lankan
      SDN|Sudan|Sudanese
      SUR|Suriname|Surinamese
      SWE|Sweden|Swedish
      CHE|Switzerland|Swiss
      SYR|Syria|Syrian
      TJK|Tajikistan|Tajik
      THA|Thailand|Thai
      TLS|Timor-Leste|Timorese
      TGO|Togo|Togolese
      TON|Tonga|Tongan
      TTO|Trinidad and Tobago|Trinidadian
      TUN|Tunisia|Tunisian
      TUR|Türkiye|Turkish
      TKM|Turkmenistan|Turkmen
      TUV|Tuvalu|Tuvaluan
      UGA|Uganda|Ugandan
      UKR|Ukraine|Ukrainian
      ARE|United Arab Emirates|Emirati
      GBR|United Kingdom|British
      TZA|Tanzania|Tanzanian
      USA|United States|American
      URY|Uruguay|Uruguayan
      UZB|Uzbekistan|Uzbek
      VUT|Vanuatu|Ni-Vanuatu
      VEN|Venezuela|Venezuelan
      VNM|Vietnam|Vietnamese
      YEM|Yemen|Yemeni
      ZMB|Zambia|Zambian
      ZWE|Zimbabwe|Zimbabwean
      """;

  private static List<String[]> members() {
    return MEMBERS.lines().map(String::strip).filter(l -> !l.isEmpty())
        .map(l -> l.split("\\|", -1)).toList();
  }

  private final ActorDictionary dict = ActorDictionary.defaults();

  @Test
  void theListHasAllMembers() {
    assertEquals(193, members().size());
    assertEquals(193, members().stream().map(m -> m[0]).distinct().count());
  }

  @Test
  void everyMemberIsAStateWithItsIsoCode() {
    for (String[] m : members()) {
      Optional<Actor> actor = dict.byId(m[0]);
      assertTrue(actor.isPresent(), m[0] + " " + m[1] + " is missing");
      assertEquals(ActorKind.STATE, actor.get().kind(), m[0]);
    }
  }

  @Test
  void everyMemberResolvesByItsCommonName() {
    for (String[] m : members()) {
      assertEquals(Optional.of(m[0]), dict.resolve(m[1]).map(Actor::id), m[1]);
      assertEquals(Optional.of(m[0]),
          dict.resolve(m[1] + "'s foreign ministry").map(Actor::id), m[1]);
    }
  }

  @Test
  void everyMemberResolvesByItsDemonym() {
    for (String[] m : members()) {
      if (!m[2].isEmpty()) {
        assertEquals(Optional.of(m[0]), dict.resolve("the " + m[2] + " foreign minister")
            .map(Actor::id), m[2]);
      }
    }
  }

  @Test
  void onlyTwoMembersShareTheirDemonymWithALargerNeighbour() {
    Set<String> without = members().stream().filter(m -> m[2].isEmpty()).map(m -> m[0])
        .collect(Collectors.toSet());
    assertEquals(Set.of("COG", "DMA"), without);
    // "Congolese" and "Dominican" name both; news mostly means these two
    assertEquals("COD", dict.resolve("the Congolese government").orElseThrow().id());
    assertEquals("DOM", dict.resolve("the Dominican president").orElseThrow().id());
    assertEquals("COG", dict.resolve("Congo-Brazzaville").orElseThrow().id());
    assertEquals("DMA", dict.resolve("the Commonwealth of Dominica").orElseThrow().id());
  }
}
