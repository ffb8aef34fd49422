package cn.gongkai.letters;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The fields a letter template may use, as {@code {{标签}}} in the .docx; the Chinese tag is what an office
 * types in Word, the property is the {@link LetterData} component a caller fills (blank if computed).
 */
public enum LetterField {
  AGENCY("发文机关", "", "发出文书的机关全称"),
  NUMBER("文号", "", "文书编号，按文号格式自动生成"),
  TITLE("文书名称", "", "文书种类名称"),
  ADDRESSEE("收件人", "addressee", "称呼：申请人，或被征求意见的第三方、机关"),
  APPLICANT("申请人", "applicantName", "申请人姓名或名称"),
  CASE_NUMBER("案件编号", "caseRef", "登记编号（案件编号），与文号不同"),
  RECEIVED_ON("收到申请日期", "receivedOn", "收到申请之日（条例第三十一条）"),
  REQUEST("申请内容", "request", "申请获取的政府信息"),
  DECISION("答复决定", "decision", "针对本案的决定内容或补充说明"),
  REASONS("理由", "reasons", "理由"),
  ARTICLES("依据条款", "articles", "所依据的法律条款；未填写时按文书种类和不予公开类别自动生成"),
  GUIDANCE("指引", "guidance", "获取方式、途径，或应当提出诉求的渠道"),
  COMPETENT_AGENCY("主管机关", "competentAgency", "负责该政府信息公开的行政机关名称及联系方式（条例第三十六条第五项）"),
  REPLY_DUE("答复期限", "replyDueOn", "答复期限届满之日"),
  EXTENDED_DUE("延长后答复期限", "extendedDueOn", "延期后答复期限届满之日"),
  CORRECTION_ITEMS("补正事项", "correctionItems", "需要补正的全部事项（一次性告知）"),
  CORRECTION_DUE("补正期限", "correctionDueOn", "补正期限届满之日"),
  CONSULTATION_DUE("回复期限", "consultationDueOn", "第三方或有关机关提出意见的期限"),
  FEE_AMOUNT("费用金额", "feeAmount", "信息处理费金额（元）"),
  FEE_BASIS("计费依据", "feeBasis", "计费方式、数量和标准"),
  FEE_DUE("缴费期限", "feeDueOn", "缴费期限届满之日"),
  PAYMENT("缴费方式", "paymentMethod", "缴费方式"),
  REMEDY("救济途径", "", "行政复议、行政诉讼的告知，按决定类型自动生成"),
  RECONSIDERATION_BODY("复议机关", "", "受理行政复议的机关"),
  ISSUED_ON("发文日期", "issuedOn", "成文日期"),
  CONTACT("联系方式", "contact", "经办机构联系人及电话"),
  RELEASED_PAGES("相关文件页数", "releasedPages", "随答复书提供的政府信息（经区分处理的文件）总页数");

  private static final Map<String, LetterField> BY_TAG =
      Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(LetterField::tag, Function.identity()));

  private final String tag;
  private final String property;
  private final String description;

  LetterField(String tag, String property, String description) {
    this.tag = tag;
    this.property = property;
    this.description = description;
  }

  /** The tag name used in templates, e.g. {@code 申请人} for {@code {{申请人}}}. */
  public String tag() {
    return tag;
  }

  /** The {@link LetterData} component a caller fills; blank when the value is computed. */
  public String property() {
    return property;
  }

  public String description() {
    return description;
  }

  /** The field with that template tag, or null. */
  public static LetterField byTag(String tag) {
    return BY_TAG.get(tag);
  }
}
