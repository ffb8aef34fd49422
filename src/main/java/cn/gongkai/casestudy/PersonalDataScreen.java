package cn.gongkai.casestudy;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps personal data out of the case library (条例第十五条: personal privacy is not disclosed): a text is
 * refused when it contains the source case applicant's name, ID number, phone, address or e-mail, or anything
 * shaped like a resident ID number (with a valid GB 11643 check digit), a mobile or fixed-line number, an
 * e-mail address or a bank card number (15-19 digits from 3-6, valid Luhn check digit). Plain JDK, no Camunda.
 */
public final class PersonalDataScreen {

  /** What the source case knows of its applicant; any of them may be null. */
  public record Applicant(String name, String idNumber, String phone, String address, String email) {

    public static final Applicant NONE = new Applicant(null, null, null, null, null);
  }

  /** A refused text: the field's key and a plain Chinese sentence saying what was found. */
  public record Finding(String field, String message) {}

  private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final String ID_CHECK = "10X98765432";
  private static final Pattern RESIDENT_ID = Pattern.compile("(?<![0-9A-Za-z])(\\d{17}[0-9Xx])(?![0-9A-Za-z])");
  private static final Pattern MOBILE = Pattern.compile("(?<!\\d)(?:\\+?86[- ]?)?1[3-9]\\d[- ]?\\d{4}[- ]?\\d{4}(?!\\d)");
  private static final Pattern FIXED_LINE = Pattern.compile("(?<!\\d)(?:\\(0\\d{2,3}\\)|（0\\d{2,3}）|0\\d{2,3}[- ]?)\\d{7,8}(?!\\d)");
  private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
  /** Card numbers (UnionPay 62…, Visa 4…, Mastercard 5…, JCB and Amex 3…): 15-19 digits, plain or in fours. */
  private static final Pattern CARD = Pattern.compile(
      "(?<![\\d-])(?:[3-6]\\d{14,18}|[3-6]\\d{3}(?:[ -]\\d{4}){3}(?:[ -]\\d{1,3})?)(?![\\d-])");

  private PersonalDataScreen() {}

  /** The first personal data found in the texts (field key to text, in the order given), if any. */
  public static Optional<Finding> check(Map<String, String> texts, Map<String, String> labels, Applicant applicant) {
    for (Map.Entry<String, String> text : texts.entrySet()) {
      Optional<String> found = find(text.getValue(), applicant);
      if (found.isPresent()) {
        String label = labels.getOrDefault(text.getKey(), text.getKey());
        return Optional.of(new Finding(text.getKey(), "“" + label + "”中含有" + found.get()
            + "，案例库不得收录个人信息，请改为概括表述后重新提交"));
      }
    }
    return Optional.empty();
  }

  /** What kind of personal data a text contains (a Chinese noun phrase), if any. */
  public static Optional<String> find(String text, Applicant applicant) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    String compact = compact(text);
    if (contains(compact, applicant.name(), 2)) {
      return Optional.of("申请人的姓名或名称");
    }
    if (contains(compact, applicant.idNumber(), 6)) {
      return Optional.of("申请人的身份证件号码");
    }
    if (contains(compact, applicant.phone(), 7)) {
      return Optional.of("申请人的联系电话");
    }
    if (contains(compact, applicant.address(), 6)) {
      return Optional.of("申请人的通信地址");
    }
    if (contains(compact, applicant.email(), 5)) {
      return Optional.of("申请人的电子邮箱");
    }
    Matcher id = RESIDENT_ID.matcher(text);
    while (id.find()) {
      if (isValidResidentId(id.group(1).toUpperCase(Locale.ROOT))) {
        return Optional.of("居民身份证号码");
      }
    }
    if (EMAIL.matcher(text).find()) {
      return Optional.of("电子邮箱地址");
    }
    Matcher card = CARD.matcher(text);
    while (card.find()) {
      if (luhn(card.group().replaceAll("[- ]", ""))) {
        return Optional.of("银行卡号");
      }
    }
    if (MOBILE.matcher(text).find()) {
      return Optional.of("手机号码");
    }
    if (FIXED_LINE.matcher(text).find()) {
      return Optional.of("固定电话号码");
    }
    return Optional.empty();
  }

  /** 18-digit resident identity number: birth date and ISO 7064 MOD 11-2 check digit (GB 11643-1999). */
  static boolean isValidResidentId(String id) {
    try {
      LocalDate.of(Integer.parseInt(id.substring(6, 10)), Integer.parseInt(id.substring(10, 12)),
          Integer.parseInt(id.substring(12, 14)));
    } catch (DateTimeException e) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (id.charAt(i) - '0') * ID_WEIGHTS[i];
    }
    return ID_CHECK.charAt(sum % 11) == id.charAt(17);
  }

  /** The Luhn check digit of bank card numbers (ISO/IEC 7812). */
  static boolean luhn(String digits) {
    int sum = 0;
    boolean twice = false;
    for (int i = digits.length() - 1; i >= 0; i--) {
      int d = digits.charAt(i) - '0';
      if (twice) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      twice = !twice;
    }
    return sum % 10 == 0;
  }

  /** Without whitespace and separators, lower case: "138 1234-5678" matches "13812345678". */
  private static String compact(String s) {
    return s.replaceAll("[\\s\\-－·.。,，()（）]", "").toLowerCase(Locale.ROOT);
  }

  private static boolean contains(String compactText, String value, int minLength) {
    if (value == null) {
      return false;
    }
    String v = compact(value);
    return v.length() >= minLength && compactText.contains(v);
  }

  /** Every finding in the texts, for an answer naming all refused fields at once. */
  public static List<Finding> all(Map<String, String> texts, Map<String, String> labels, Applicant applicant) {
    List<Finding> findings = new ArrayList<>();
    for (Map.Entry<String, String> text : texts.entrySet()) {
      check(Map.of(text.getKey(), text.getValue() == null ? "" : text.getValue()), labels, applicant)
          .ifPresent(findings::add);
    }
    return findings;
  }
}
