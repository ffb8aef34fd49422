package cn.gongkai.imports;

import java.util.Arrays;
import java.util.Optional;

/**
 * The columns of the import template (docs/import-template.md), in template order. The Chinese headers
 * are the contract: a file names its columns by them, in any order.
 */
enum ImportColumn {
  SOURCE_NUMBER("原编号", false, "本机关原来的登记编号，可不填；填写的不得与已导入的重复"),
  APPLICANT_TYPE("申请人类型", true, "自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他组织"),
  APPLICANT_NAME("申请人姓名/名称", true, "不超过200字"),
  ID_TYPE("证件类型", true, "居民身份证、护照、统一社会信用代码、其他证件"),
  ID_NUMBER("证件号码", true, "以文本格式填写；居民身份证号码和统一社会信用代码校验位须正确"),
  PHONE("联系电话", true, "与登记申请时的要求相同"),
  ADDRESS("通信地址", false, "可不填"),
  EMAIL("电子邮箱", false, "可不填"),
  CHANNEL("渠道", true, "当面提交、邮寄（签收）、平常信函、网络、传真"),
  RECEIVED_ON("收到申请日期", true, "2000-01-01 至今天，格式 2026-03-05"),
  DESCRIPTION("申请内容摘要", true, "不超过4000字"),
  OUTCOME("办理结果", true, "办理结果的中文名称或代码，见说明"),
  EXEMPTION("不予公开理由", false, "办理结果为不予公开或部分公开时必填，其他结果不填"),
  EXTENSION_DAYS("延期工作日数", false, "经批准延期的工作日数，1至20；未延期不填"),
  OVERDUE("是否超期", false, "可不填，系统按答复期限和答复日期判断；填写的须与之相符"),
  FEE_AMOUNT("信息处理费（元）", false, "收取的信息处理费金额，最多两位小数；未收费不填"),
  FEE_PAID_ON("缴费日期", false, "收取信息处理费的，填写申请人缴费日期"),
  REPLIED_ON("答复日期", false, "作出答复的日期；逾期未补正、逾期未缴费视为放弃申请的不填"),
  CLOSED_ON("办结日期", false, "视为放弃申请（无答复）的必填；其他可不填，默认为答复日期"),
  REPLY_DUE_ON("答复期限", false, "有中止、补正等情形的填写实际答复期限；不填则自收到申请日期起按20个工作日加延期工作日数计算");

  private final String header;
  private final boolean required;
  private final String hint;

  ImportColumn(String header, boolean required, String hint) {
    this.header = header;
    this.required = required;
    this.hint = hint;
  }

  String header() {
    return header;
  }

  /** The column must be present in the file (its cells may still be checked one by one). */
  boolean required() {
    return required;
  }

  /** What to write in the column, as the template's instructions say it. */
  String hint() {
    return hint;
  }

  /** The column a header names: spaces, a "*" marking required columns and half-width brackets tolerated. */
  static Optional<ImportColumn> ofHeader(String text) {
    String normalized = normalize(text).replace("*", "").replace("＊", "");
    return Arrays.stream(values()).filter(c -> c.header.equals(normalized)).findFirst();
  }

  /** Trims and writes brackets full-width, as the labels of the register's codes are written. */
  static String normalize(String text) {
    return text == null ? "" : text.strip().replace('(', '（').replace(')', '）').replace(" ", "");
  }
}
