package cn.gongkai.interpretation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The general office's 收文 check (domain §7) on the submitted fields. */
class PolicySubmissionTest {

  @Test
  void findsNothingMissingInACompleteSubmission() {
    PolicySubmission s = PolicySubmission.from(PolicyFixtures.submission());

    assertThat(s.missingItems()).isEmpty();
    assertThat(s.attribute()).isEqualTo(DisclosureAttribute.PROACTIVE);
    assertThat(s.formsLabel()).isEqualTo("文字解读、图表图解");
  }

  @Test
  void namesEachMissingItem() {
    Map<String, Object> fields = PolicyFixtures.submission();
    fields.put("interpretationPlan", " ");
    fields.remove("interpretationMaterials");
    fields.put("disclosureAttribute", "NOT_PUBLIC");
    fields.put("interpretByText", false);
    fields.put("interpretByGraphic", "false");

    assertThat(PolicySubmission.from(fields).missingItems()).containsExactly(
        "缺少解读方案", "缺少解读材料", "公开属性为“不予公开”，未说明理由", "未选择解读形式");
  }

  @Test
  void asksForAReasonForEveryAttributeButProactive() {
    for (DisclosureAttribute attribute : DisclosureAttribute.values()) {
      Map<String, Object> fields = PolicyFixtures.submission();
      fields.put("disclosureAttribute", attribute.name());
      assertThat(PolicySubmission.from(fields).missingItems()).as(attribute.name())
          .hasSize(attribute == DisclosureAttribute.PROACTIVE ? 0 : 1);
      fields.put("disclosureReason", "涉及第三方商业秘密");
      assertThat(PolicySubmission.from(fields).missingItems()).as(attribute.name()).isEmpty();
    }
  }

  @Test
  void treatsAMissingAttributeAsMissing() {
    assertThat(PolicySubmission.from(PolicyFixtures.without("disclosureAttribute")).missingItems())
        .containsExactly("未标注公开属性");
  }

  @Test
  void acceptsOtherFormsInsteadOfTheListedOnes() {
    Map<String, Object> fields = PolicyFixtures.submission();
    fields.remove("interpretByText");
    fields.remove("interpretByGraphic");
    fields.put("interpretOtherForms", "政策问答");

    PolicySubmission s = PolicySubmission.from(fields);

    assertThat(s.missingItems()).isEmpty();
    assertThat(s.formsLabel()).isEqualTo("政策问答");
  }

  @Test
  void refusesToRegisterWithoutTitleDepartmentOrFirstInterpreterOrWithAnUnknownAttribute() {
    Map<String, Object> fields = PolicyFixtures.submission();
    fields.remove("policyTitle");
    fields.put("draftingDepartment", "");
    fields.remove("firstInterpreter");
    fields.put("disclosureAttribute", "SECRET");

    assertThatThrownBy(() -> PolicySubmission.from(fields))
        .isInstanceOf(PolicySubmission.InvalidSubmission.class)
        .hasMessageContaining("政策文件标题为必填项")
        .hasMessageContaining("起草部门为必填项")
        .hasMessageContaining("第一解读人为必填项")
        .hasMessageContaining("公开属性的取值无效：SECRET");
  }
}
