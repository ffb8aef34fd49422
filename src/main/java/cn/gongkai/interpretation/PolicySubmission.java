package cn.gongkai.interpretation;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a drafting department submits: the policy document together with its interpretation plan and
 * materials (同步起草, domain §7). {@link #missingItems()} is the general office's 收文 check.
 */
public record PolicySubmission(
    String title,
    String documentNumber,
    String draftingDepartment,
    String firstInterpreter,
    DisclosureAttribute attribute,
    String disclosureReason,
    String interpretationPlan,
    String interpretationMaterials,
    Set<InterpretationForm> forms,
    String otherForms,
    boolean publicInterest) {

  static final int MAX_TITLE = 500;
  static final int MAX_SHORT = 200;
  static final int MAX_REASON = 2000;
  static final int MAX_TEXT = 4000;

  /** A submission that cannot even be registered; the message is for the drafter. */
  public static class InvalidSubmission extends IllegalArgumentException {
    public InvalidSubmission(String message) {
      super(message);
    }
  }

  /**
   * Reads the submission from the form's fields. Throws {@link InvalidSubmission} for what makes it
   * unregistrable (no title, department or first interpreter, an unknown code, a text too long);
   * missing plan, materials or reason are left to {@link #missingItems()}.
   */
  public static PolicySubmission from(Map<String, Object> fields) {
    List<String> problems = new ArrayList<>();
    String title = text(fields, PolicyVariables.POLICY_TITLE, "政策文件标题", MAX_TITLE, true, problems);
    String number = text(fields, PolicyVariables.DOCUMENT_NUMBER, "文号", 100, false, problems);
    String department = text(fields, PolicyVariables.DRAFTING_DEPARTMENT, "起草部门", MAX_SHORT, true, problems);
    String interpreter = text(fields, PolicyVariables.FIRST_INTERPRETER, "第一解读人", MAX_SHORT, true, problems);
    String attributeCode = text(fields, PolicyVariables.DISCLOSURE_ATTRIBUTE, "公开属性", 32, false, problems);
    DisclosureAttribute attribute = null;
    if (attributeCode != null) {
      attribute = DisclosureAttribute.parse(attributeCode).orElse(null);
      if (attribute == null) {
        problems.add("公开属性的取值无效：" + attributeCode);
      }
    }
    String reason = text(fields, PolicyVariables.DISCLOSURE_REASON, "公开属性理由", MAX_REASON, false, problems);
    String plan = text(fields, PolicyVariables.INTERPRETATION_PLAN, "解读方案", MAX_TEXT, false, problems);
    String materials = text(fields, PolicyVariables.INTERPRETATION_MATERIALS, "解读材料", MAX_TEXT, false, problems);
    Set<InterpretationForm> forms = EnumSet.noneOf(InterpretationForm.class);
    for (InterpretationForm form : InterpretationForm.values()) {
      if (flag(fields.get(form.variable()))) {
        forms.add(form);
      }
    }
    String other = text(fields, PolicyVariables.INTERPRET_OTHER_FORMS, "其他解读形式", MAX_SHORT, false, problems);
    if (!problems.isEmpty()) {
      throw new InvalidSubmission(String.join("；", problems));
    }
    return new PolicySubmission(title, number, department, interpreter, attribute, reason, plan, materials,
        Set.copyOf(forms), other, flag(fields.get(PolicyVariables.PUBLIC_INTEREST)));
  }

  /**
   * The general office's 收文 check (domain §7): no plan, no materials, no disclosure attribute, no reason
   * for an attribute other than 主动公开, no interpretation form → 不予收文. Empty when complete.
   */
  public List<String> missingItems() {
    return missingItems(interpretationPlan, interpretationMaterials, attribute, disclosureReason,
        !forms.isEmpty() || otherForms != null);
  }

  /** The 收文 check on a pair's parts, wherever they are read from (the form, the register). */
  static List<String> missingItems(String plan, String materials, DisclosureAttribute attribute, String reason,
      boolean anyForm) {
    List<String> missing = new ArrayList<>();
    if (plan == null || plan.isBlank()) {
      missing.add("缺少解读方案");
    }
    if (materials == null || materials.isBlank()) {
      missing.add("缺少解读材料");
    }
    if (attribute == null) {
      missing.add("未标注公开属性");
    } else if (attribute.needsReason() && (reason == null || reason.isBlank())) {
      missing.add("公开属性为“" + attribute.label() + "”，未说明理由");
    }
    if (!anyForm) {
      missing.add("未选择解读形式");
    }
    return missing;
  }

  /** The chosen forms as the register stores them: labels joined with 、 (other forms last). */
  public String formsLabel() {
    String chosen = forms.stream().sorted().map(InterpretationForm::label).collect(Collectors.joining("、"));
    if (otherForms == null) {
      return chosen;
    }
    return chosen.isEmpty() ? otherForms : chosen + "、" + otherForms;
  }

  private static String text(Map<String, Object> fields, String key, String label, int max, boolean required,
      List<String> problems) {
    Object value = fields.get(key);
    String text = value == null || value.toString().isBlank() ? null : value.toString().strip();
    if (text == null && required) {
      problems.add(label + "为必填项（" + key + "）");
    } else if (text != null && text.length() > max) {
      problems.add(label + "不能超过" + max + "个字（" + key + "）");
    }
    return text;
  }

  private static boolean flag(Object value) {
    return value instanceof Boolean b ? b : value != null && "true".equalsIgnoreCase(value.toString().strip());
  }
}
