package cn.gongkai.interpretation;

import java.util.HashMap;
import java.util.Map;

/** A complete 三同步 submission as the drafter's start form sends it. */
final class PolicyFixtures {

  private PolicyFixtures() {}

  /** A complete submission: plan, materials, 主动公开, two interpretation forms, no public comment. */
  static Map<String, Object> submission() {
    Map<String, Object> fields = new HashMap<>();
    fields.put("policyTitle", "楚雄州关于进一步优化营商环境的若干措施");
    fields.put("documentNumber", "楚政发〔2026〕12号");
    fields.put("draftingDepartment", "州发展和改革委员会");
    fields.put("firstInterpreter", "州发展和改革委员会主任");
    fields.put("disclosureAttribute", "PROACTIVE");
    fields.put("interpretationPlan", "解读重点：办事流程精简；形式：文字解读、图表图解；渠道：州政府门户网站政策解读栏目；与文件同步发布");
    fields.put("interpretationMaterials", "《楚雄州关于进一步优化营商环境的若干措施》政策解读（文字稿及一图读懂）");
    fields.put("interpretByText", true);
    fields.put("interpretByGraphic", true);
    fields.put("publicInterest", false);
    return fields;
  }

  static Map<String, Object> without(String field) {
    Map<String, Object> fields = submission();
    fields.remove(field);
    return fields;
  }
}
