package cn.gongkai.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Rate limits per client address on submission and tracking (Bucket4j), with small limits; the challenge
 * switched off as automated tests may ({@code gongkai.portal.challenge.enabled=false}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "gongkai.portal.challenge.enabled=false",
    "gongkai.portal.rate-limit.submissions-per-hour=2",
    "gongkai.portal.rate-limit.lookups-per-minute=5"})
@ActiveProfiles("test")
class PortalRateLimitIT {

  @LocalServerPort int port;
  @Autowired SubmissionStore store;

  @Test
  void refusesTheThirdSubmissionInAnHourFromOneAddressAndTheSixthLookupInAMinute() throws Exception {
    PortalHttp api = new PortalHttp(port);
    // no challenge asked when it is switched off
    assertThat(api.read(api.send("GET", "/api/public/challenge", null)).get("enabled").asBoolean()).isFalse();
    Map<String, Object> application = new HashMap<>(PortalHttp.application());
    application.put("challenge", null);
    String number = api.submitted(application).get("submissionNumber").asText();
    api.submitted(application);
    long stored = store.count();

    HttpResponse<String> third = api.submit(application);

    assertThat(third.statusCode()).isEqualTo(429);
    assertThat(api.read(third).get("message").asText()).isEqualTo("提交过于频繁，请一小时后再试");
    assertThat(third.headers().firstValue("Retry-After")).isPresent();
    assertThat(store.count()).isEqualTo(stored);

    // lookups: the challenge call above took one
    for (int i = 0; i < 4; i++) {
      assertThat(api.track(number, "WRONGCODE").statusCode()).isEqualTo(404);
    }
    HttpResponse<String> sixth = api.track(number, "WRONGCODE");
    assertThat(sixth.statusCode()).isEqualTo(429);
    assertThat(api.read(sixth).get("message").asText()).isEqualTo("查询过于频繁，请稍后再试");
  }
}
