package cn.gongkai.security;

import java.net.http.HttpResponse;

/** A registered disclosure request to read, through the API as the demo intake user. */
final class SecurityFixtures {

  static final String REQUEST = """
      {"applicantType":"NATURAL_PERSON","applicantName":"张三","idType":"ID_CARD","idNumber":"11010519491231002X",
       "phone":"13812345678","address":"云南省楚雄彝族自治州楚雄市鹿城镇某路1号","email":"zhangsan@example.cn",
       "channel":"IN_PERSON","receivedOn":"2026-11-20","description":"2025年度道路维修工程招标文件",
       "purpose":"了解工程情况","provisionForm":"ELECTRONIC","deliveryMethod":"EMAIL"}""";

  private SecurityFixtures() {}

  static String registerCase(int port) {
    HttpResponse<String> created = Http.basic(port, "intake", "demo").post("/api/requests", REQUEST);
    if (created.statusCode() != 201) {
      throw new AssertionError("registration failed: " + created.statusCode() + " " + created.body());
    }
    return created.body().replaceAll("(?s).*\"caseNumber\":\"([^\"]+)\".*", "$1");
  }
}
