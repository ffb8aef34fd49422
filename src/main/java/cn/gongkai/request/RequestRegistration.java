package cn.gongkai.request;

import cn.gongkai.web.BadRequestException;
import cn.gongkai.web.BadRequestException.FieldProblem;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A request as intake staff register it (Art. 29 ¶2), validated the same way whether it comes from
 * the Tasklist start form or from {@code POST /api/requests}.
 */
public record RequestRegistration(
    ApplicantType applicantType,
    String applicantName,
    IdType idType,
    String idNumber,
    String phone,
    String address,
    String email,
    Channel channel,
    LocalDate receivedOn,
    String description,
    String purpose,
    ProvisionForm provisionForm,
    DeliveryMethod deliveryMethod) {

  /** A mainland mobile number: 11 digits starting with 1. */
  private static final Pattern MOBILE = Pattern.compile("1\\d{10}");
  /** A fixed line: area code (0 and 2-3 digits), then 7-8 digits, with or without a hyphen. */
  private static final Pattern FIXED_LINE = Pattern.compile("0\\d{2,3}-?\\d{7,8}");
  /** No request under the 2019 Regulations, nor any gongkai keeps, was received before this day. */
  public static final LocalDate FIRST_RECEIVED_ON = LocalDate.of(2000, 1, 1);
  private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}(T|$)");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  /**
   * Reads and checks the fields (JSON / variable names are the contract); throws 400 with every
   * problem found, each naming its field in Chinese.
   */
  public static RequestRegistration parse(Map<String, ?> fields, LocalDate today) {
    Reader r = new Reader(fields);
    ApplicantType applicantType = r.code("applicantType", "申请人类型", ApplicantType.class, true);
    String applicantName = r.text("applicantName", "申请人姓名或名称", 200, true);
    IdType idType = r.code("idType", "证件类型", IdType.class, true);
    String idNumber = r.text("idNumber", "证件号码", 64, true);
    String phone = r.text("phone", "联系电话", 32, true);
    String address = r.text("address", "通信地址", 500, false);
    String email = r.text("email", "电子邮箱", 200, false);
    Channel channel = r.code("channel", "申请方式", Channel.class, true);
    LocalDate receivedOn = r.date("receivedOn", "收到申请日期", true);
    String description = r.text("description", "所需政府信息的名称、文号或者便于查询的其他特征性描述", 4000, true);
    String purpose = r.text("purpose", "申请用途", 1000, false);
    ProvisionForm provisionForm = r.code("provisionForm", "信息提供形式", ProvisionForm.class, false);
    DeliveryMethod deliveryMethod = r.code("deliveryMethod", "获取信息方式", DeliveryMethod.class, false);

    if (idNumber != null && idType != null) {
      idNumber = idNumber.toUpperCase();
      if (idType == IdType.ID_CARD && !IdNumbers.isValidResidentId(idNumber)) {
        r.problem("idNumber", "证件号码不是有效的居民身份证号码（校验位不符）");
      } else if (idType == IdType.USCC && !IdNumbers.isValidUscc(idNumber)) {
        r.problem("idNumber", "证件号码不是有效的统一社会信用代码（校验位不符）");
      }
    }
    if (idType == IdType.USCC && applicantType == ApplicantType.NATURAL_PERSON) {
      r.problem("idType", "自然人不能使用统一社会信用代码作为证件");
    }
    if (phone != null) {
      phone = phone.replace(" ", "");
      if (!MOBILE.matcher(phone).matches() && !FIXED_LINE.matcher(phone).matches()) {
        r.problem("phone", "联系电话格式不正确：手机号码应为以1开头的11位数字，固定电话应为区号加7至8位号码（如 0878-3123456）");
      }
    }
    if (email != null && !EMAIL.matcher(email).matches()) {
      r.problem("email", "电子邮箱格式不正确");
    }
    if (receivedOn != null && receivedOn.isAfter(today)) {
      r.problem("receivedOn", "收到申请日期不能晚于今天");
    } else if (receivedOn != null && receivedOn.isBefore(FIRST_RECEIVED_ON)) {
      r.problem("receivedOn", "收到申请日期不能早于2000年1月1日");
    }
    if (deliveryMethod == DeliveryMethod.POST && address == null) {
      r.problem("address", "选择邮寄方式时必须填写通信地址");
    }
    if (deliveryMethod == DeliveryMethod.EMAIL && email == null) {
      r.problem("email", "选择电子邮件方式时必须填写电子邮箱");
    }
    r.throwIfAny();
    return new RequestRegistration(applicantType, applicantName, idType, idNumber, phone, address, email,
        channel, receivedOn, description, purpose, provisionForm, deliveryMethod);
  }

  private static final class Reader {
    private final Map<String, ?> fields;
    private final List<FieldProblem> problems = new ArrayList<>();

    Reader(Map<String, ?> fields) {
      this.fields = fields;
    }

    void problem(String field, String message) {
      problems.add(new FieldProblem(field, message));
    }

    void throwIfAny() {
      if (!problems.isEmpty()) {
        throw new BadRequestException(problems);
      }
    }

    String text(String field, String label, int maxLength, boolean required) {
      Object value = fields.get(field);
      String text = value == null ? null : value.toString().strip();
      if (text == null || text.isEmpty()) {
        if (required) {
          problem(field, label + "为必填项");
        }
        return null;
      }
      if (text.length() > maxLength) {
        problem(field, label + "不能超过" + maxLength + "个字");
        return null;
      }
      return text;
    }

    <E extends Enum<E> & Labelled> E code(String field, String label, Class<E> type, boolean required) {
      String text = text(field, label, 64, required);
      if (text == null) {
        return null;
      }
      return Labelled.parse(type, text).orElseGet(() -> {
        problem(field, label + "的取值无效：" + text);
        return null;
      });
    }

    LocalDate date(String field, String label, boolean required) {
      Object value = fields.get(field);
      if (value instanceof LocalDate date) {
        return date;
      }
      String text = text(field, label, 40, required);
      if (text == null) {
        return null;
      }
      try {
        // Camunda Forms date fields and the API both send ISO dates (yyyy-MM-dd); a signed or
        // five-digit year (-9999999-01-01) is never a date a clerk means
        if (!ISO_DATE.matcher(text).lookingAt()) {
          throw new DateTimeParseException("not yyyy-MM-dd", text, 0);
        }
        return LocalDate.parse(text.length() > 10 && text.charAt(10) == 'T' ? text.substring(0, 10) : text);
      } catch (DateTimeParseException e) {
        problem(field, label + "不是有效日期（格式：年-月-日，如 2026-11-23）");
        return null;
      }
    }
  }
}
