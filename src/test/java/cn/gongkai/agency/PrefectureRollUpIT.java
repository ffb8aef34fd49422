package cn.gongkai.agency;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The prefecture's roll-up of the annual report and the 督办 overview's per-agency breakdown, against hand counts:
 * cases registered by each agency's intake clerk are counted for their agency, summed for the prefecture, and an
 * agency's own supervisor sees only its own figures.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PrefectureRollUpIT {

  static final List<String> AGENCIES = List.of("chuxiong", "wsjk", "zwfw");

  @LocalServerPort int port;

  @Test
  void sumsTheAgenciesReportsAndShowsWhichHaveNotLockedTheirYear() {
    AgencyHttp http = new AgencyHttp(port);
    int year = AgencyHttp.today().getYear();
    String path = "/api/reports/annual/" + year + "?scope=prefecture";
    Map<String, Long> before = newRequestsByAgency(http.read(http.get(path, "supervisor")));
    long totalBefore = http.read(http.get(path, "supervisor")).get("tableThree").get("1").get("TOTAL").asLong();

    // given by hand: 3 requests at the prefecture office, 2 at zwfw, 1 at wsjk
    for (int i = 0; i < 3; i++) {
      http.register("intake");
    }
    http.register("intake-zwfw");
    http.register("intake-zwfw");
    http.register("intake-wsjk");

    // when the prefecture's supervisor asks for the roll-up
    JsonNode rollUp = http.read(http.get(path, "supervisor"));

    // then each agency counts its own, the prefecture their sum
    Map<String, Long> after = newRequestsByAgency(rollUp);
    assertThat(after.get("chuxiong") - before.get("chuxiong")).isEqualTo(3);
    assertThat(after.get("zwfw") - before.get("zwfw")).isEqualTo(2);
    assertThat(after.get("wsjk") - before.get("wsjk")).isEqualTo(1);
    assertThat(rollUp.get("tableThree").get("1").get("TOTAL").asLong() - totalBefore).isEqualTo(6);
    assertThat(rollUp.get("tableThree").get("1").get("TOTAL").asLong())
        .isEqualTo(after.values().stream().mapToLong(Long::longValue).sum());
    assertThat(rollUp.get("scope").asText()).isEqualTo("prefecture");
    // the year runs: nobody has locked it, and each agency carries its own cross-check
    for (JsonNode agency : rollUp.get("agencies")) {
      assertThat(agency.get("locked").asBoolean()).isFalse();
      assertThat(agency.get("crossCheck").has("passed")).isTrue();
    }
    assertThat(rollUp.get("notLocked")).extracting(JsonNode::asText).containsExactlyInAnyOrderElementsOf(AGENCIES);
    // one agency's report through ?agency= gives the same figure as its line in the roll-up
    JsonNode zwfw = http.read(http.get("/api/reports/annual/" + year + "?agency=zwfw", "supervisor-zwfw"));
    assertThat(zwfw.get("tableThree").get("1").get("TOTAL").asLong()).isEqualTo(after.get("zwfw"));
    // an agency's supervisor gets neither the roll-up nor another agency's report
    assertThat(http.get(path, "supervisor-zwfw").statusCode()).isEqualTo(404);
    assertThat(http.get("/api/reports/annual/" + year + "?agency=wsjk", "supervisor-zwfw").statusCode())
        .isEqualTo(404);
  }

  @Test
  void showsALockedYearOfOneAgencyBesideTheOthers() {
    AgencyHttp http = new AgencyHttp(port);
    int last = AgencyHttp.today().getYear() - 1;
    assertThat(http.send("POST", "/api/reports/annual/" + last + "/lock?agency=wsjk", "admin", null).statusCode())
        .isEqualTo(200);
    JsonNode rollUp = http.read(http.get("/api/reports/annual/" + last + "?scope=prefecture", "supervisor"));
    Map<String, Boolean> locked = new HashMap<>();
    rollUp.get("agencies").forEach(a -> locked.put(a.get("code").asText(), a.get("locked").asBoolean()));
    assertThat(locked).containsEntry("wsjk", true).containsEntry("zwfw", false).containsEntry("chuxiong", false);
    assertThat(rollUp.get("notLocked")).extracting(JsonNode::asText).containsExactlyInAnyOrder("chuxiong", "zwfw");
    assertThat(rollUp.get("allLocked").asBoolean()).isFalse();
  }

  @Test
  void thePrefecturesSupervisorSeesEveryAgencyAndAnAgencysOnlyItsOwn() {
    AgencyHttp http = new AgencyHttp(port);
    http.register("intake-wsjk");
    JsonNode all = http.read(http.get("/api/supervision/overview", "supervisor"));
    assertThat(all.get("agencies")).extracting(a -> a.get("code").asText()).containsAll(AGENCIES);
    long sum = 0;
    for (JsonNode agency : all.get("agencies")) {
      sum += agency.get("total").asLong();
    }
    assertThat(sum).as("the breakdown adds up to the overview's total").isEqualTo(all.get("total").asLong());
    // drill-down into one agency: the same counts as its line
    JsonNode wsjkLine = null;
    for (JsonNode agency : all.get("agencies")) {
      if (agency.get("code").asText().equals("wsjk")) {
        wsjkLine = agency;
      }
    }
    JsonNode drill = http.read(http.get("/api/supervision/overview?agency=wsjk", "supervisor"));
    assertThat(drill.get("total").asLong()).isEqualTo(wsjkLine.get("total").asLong()).isPositive();
    // wsjk's own supervisor sees wsjk only, the same figures
    JsonNode own = http.read(http.get("/api/supervision/overview", "supervisor-wsjk"));
    assertThat(own.get("agencies")).extracting(a -> a.get("code").asText()).containsExactly("wsjk");
    assertThat(own.get("total").asLong()).isEqualTo(wsjkLine.get("total").asLong());
    assertThat(http.get("/api/supervision/overview?agency=zwfw", "supervisor-wsjk").statusCode()).isEqualTo(404);
  }

  private static Map<String, Long> newRequestsByAgency(JsonNode rollUp) {
    Map<String, Long> counts = new HashMap<>();
    rollUp.get("agencies").forEach(a -> counts.put(a.get("code").asText(), a.get("newRequests").asLong()));
    return counts;
  }
}
