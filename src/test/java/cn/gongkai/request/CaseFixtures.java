package cn.gongkai.request;

import java.util.HashMap;
import java.util.Map;

/** Valid request fields for tests: a natural person with a real check digit (GB 11643). */
final class CaseFixtures {

  /** 11010519491231002X: the GB 11643 standard's own example number. */
  static final String ID_NUMBER = "11010519491231002X";

  private CaseFixtures() {}

  static Map<String, Object> request(String receivedOn) {
    Map<String, Object> fields = new HashMap<>();
    fields.put("applicantType", "NATURAL_PERSON");
    fields.put("applicantName", "张三");
    fields.put("idType", "ID_CARD");
    fields.put("idNumber", ID_NUMBER);
    fields.put("phone", "13812345678");
    fields.put("address", "云南省楚雄彝族自治州楚雄市鹿城镇某路1号");
    fields.put("email", "zhangsan@example.cn");
    fields.put("channel", "IN_PERSON");
    fields.put("receivedOn", receivedOn);
    fields.put("description", "2025年度楚雄市城市道路维修工程招标文件");
    fields.put("purpose", "了解工程情况");
    fields.put("provisionForm", "ELECTRONIC");
    fields.put("deliveryMethod", "EMAIL");
    return fields;
  }
}
