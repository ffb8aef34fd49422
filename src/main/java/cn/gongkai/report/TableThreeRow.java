package cn.gongkai.report;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The rows of table 三 "收到和处理政府信息公开申请情况" (国办公开办函〔2021〕30号), with the register
 * outcomes each result row counts (domain README §4). {@code code} is the stable key used in JSON.
 */
public enum TableThreeRow {
  NEW("1", Group.NONE, "一、本年新收政府信息公开申请数量"),
  CARRIED_IN("2", Group.NONE, "二、上年结转政府信息公开申请数量"),
  DISCLOSED("3.1", Group.RESULT, "（一）予以公开"),
  PARTIAL("3.2", Group.RESULT, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
  REFUSED_STATE_SECRET("3.3.1", Group.REFUSED, "1.属于国家秘密"),
  REFUSED_LAW_PROHIBITS("3.3.2", Group.REFUSED, "2.其他法律行政法规禁止公开"),
  REFUSED_SECURITY_STABILITY("3.3.3", Group.REFUSED, "3.危及“三安全一稳定”"),
  REFUSED_THIRD_PARTY("3.3.4", Group.REFUSED, "4.保护第三方合法权益"),
  REFUSED_INTERNAL_AFFAIRS("3.3.5", Group.REFUSED, "5.属于三类内部事务信息"),
  REFUSED_PROCESS_INFO("3.3.6", Group.REFUSED, "6.属于四类过程性信息"),
  REFUSED_ENFORCEMENT_FILE("3.3.7", Group.REFUSED, "7.属于行政执法案卷"),
  REFUSED_ADMIN_QUERY("3.3.8", Group.REFUSED, "8.属于行政查询事项"),
  UNABLE_NOT_HELD("3.4.1", Group.UNABLE, "1.本机关不掌握相关政府信息"),
  UNABLE_NEEDS_CREATION("3.4.2", Group.UNABLE, "2.没有现成信息需要另行制作"),
  UNABLE_UNCLEAR("3.4.3", Group.UNABLE, "3.补正后申请内容仍不明确"),
  NOT_PROCESSED_PETITION("3.5.1", Group.NOT_PROCESSED, "1.信访举报投诉类申请"),
  NOT_PROCESSED_REPEAT("3.5.2", Group.NOT_PROCESSED, "2.重复申请"),
  NOT_PROCESSED_PUBLICATION("3.5.3", Group.NOT_PROCESSED, "3.要求提供公开出版物"),
  NOT_PROCESSED_VOLUME("3.5.4", Group.NOT_PROCESSED, "4.无正当理由大量反复申请"),
  NOT_PROCESSED_CONFIRM("3.5.5", Group.NOT_PROCESSED, "5.要求行政机关确认或重新出具已获取信息"),
  OTHER_NO_CORRECTION("3.6.1", Group.OTHER,
      "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
  OTHER_FEE_UNPAID("3.6.2", Group.OTHER,
      "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
  OTHER_OTHER("3.6.3", Group.OTHER, "3.其他"),
  RESULT_TOTAL("3.7", Group.RESULT, "（七）总计"),
  CARRIED_OUT("4", Group.NONE, "四、结转下年度继续办理");

  /** The label of section 三 that spans all result rows. */
  public static final String RESULTS_SECTION = "三、本年度办理结果";

  /** The result rows 三(一) to 三(六) whose sum is 三(七). */
  public static final List<TableThreeRow> RESULTS =
      Arrays.stream(values()).filter(r -> r.group != Group.NONE && r != RESULT_TOTAL).toList();

  /** Where a row sits in the official table's left-hand label columns. */
  public enum Group {
    /** Rows 一, 二, 四: one label across all label columns. */
    NONE(null),
    /** Rows 三(一), 三(二), 三(七): a label of their own under section 三. */
    RESULT(null),
    REFUSED("（三）不予公开"),
    UNABLE("（四）无法提供"),
    NOT_PROCESSED("（五）不予处理"),
    OTHER("（六）其他处理");

    private final String label;

    Group(String label) {
      this.label = label;
    }

    /** The label spanning the group's numbered items; null for rows that stand alone. */
    public String label() {
      return label;
    }
  }

  private final String code;
  private final Group group;
  private final String label;

  TableThreeRow(String code, Group group, String label) {
    this.code = code;
    this.group = group;
    this.label = label;
  }

  public String code() {
    return code;
  }

  public Group group() {
    return group;
  }

  /** The row's own label as printed in the official table. */
  public String label() {
    return label;
  }

  /** Under section 三 (results), including 三(七). */
  public boolean isResult() {
    return group != Group.NONE;
  }

  /**
   * The result row a concluded case counts in, from the register's {@code outcome} and, for a refusal,
   * its exemption {@code outcome_code}; empty when the pair fits no row (the report flags such cases).
   */
  public static Optional<TableThreeRow> forOutcome(String outcome, String outcomeCode) {
    if (outcome == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(switch (outcome) {
      case "ALREADY_PUBLIC", "DISCLOSE" -> DISCLOSED;
      // a split case counts only in 三(二), whatever was withheld
      case "PARTIAL" -> PARTIAL;
      case "REFUSE" -> refusal(outcomeCode);
      case "NOT_EXIST", "NOT_THIS_AGENCY" -> UNABLE_NOT_HELD;
      case "NEEDS_CREATION" -> UNABLE_NEEDS_CREATION;
      case "UNCLEAR_AFTER_CORRECTION" -> UNABLE_UNCLEAR;
      case "PETITION" -> NOT_PROCESSED_PETITION;
      case "REPEAT" -> NOT_PROCESSED_REPEAT;
      case "PUBLICATION" -> NOT_PROCESSED_PUBLICATION;
      case "UNREASONABLE_VOLUME" -> NOT_PROCESSED_VOLUME;
      case "CONFIRM_REISSUE" -> NOT_PROCESSED_CONFIRM;
      case "NO_CORRECTION" -> OTHER_NO_CORRECTION;
      case "FEE_UNPAID" -> OTHER_FEE_UNPAID;
      case "OTHER" -> OTHER_OTHER;
      default -> null;
    });
  }

  private static TableThreeRow refusal(String exemptionCode) {
    if (exemptionCode == null) {
      return null;
    }
    return switch (exemptionCode) {
      case "STATE_SECRET" -> REFUSED_STATE_SECRET;
      case "LAW_PROHIBITS" -> REFUSED_LAW_PROHIBITS;
      case "SECURITY_STABILITY" -> REFUSED_SECURITY_STABILITY;
      case "THIRD_PARTY" -> REFUSED_THIRD_PARTY;
      case "INTERNAL_AFFAIRS" -> REFUSED_INTERNAL_AFFAIRS;
      case "PROCESS_INFO" -> REFUSED_PROCESS_INFO;
      case "ENFORCEMENT_FILE" -> REFUSED_ENFORCEMENT_FILE;
      case "ADMIN_QUERY" -> REFUSED_ADMIN_QUERY;
      default -> null;
    };
  }

  /** The row with that JSON code. */
  public static Optional<TableThreeRow> ofCode(String code) {
    return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst();
  }
}
