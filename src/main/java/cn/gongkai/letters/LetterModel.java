package cn.gongkai.letters;

import cn.gongkai.agency.Agency;
import cn.gongkai.web.BadRequestException;
import cn.gongkai.web.BadRequestException.FieldProblem;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/** Turns {@link LetterData} into the tag values of a template, after checking the data fits the kind. */
final class LetterModel {

  static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

  /** Not a template tag: how the letter addresses the applicant (您 or 贵单位), applied to the template's text. */
  static final String ADDRESSING = "#称谓";

  private LetterModel() {}

  /** Refuses data that would make an incomplete letter (400 listing every missing field). */
  static void check(LetterKind kind, LetterData data) {
    List<FieldProblem> problems = new ArrayList<>();
    if (data.caseRef() == null) {
      problems.add(new FieldProblem("caseRef", "缺少文书所属的案件"));
    }
    if (kind.audience() == LetterKind.Audience.APPLICANT) {
      if (blank(data.applicantName())) {
        problems.add(new FieldProblem("applicantName", "申请人姓名或名称不能为空"));
      }
    } else if (blank(data.addressee())) {
      problems.add(new FieldProblem("addressee", "收件人（被征求意见的第三方或机关）不能为空"));
    }
    if (data.receivedOn() == null) {
      problems.add(new FieldProblem("receivedOn", "收到申请日期不能为空"));
    }
    if (blank(data.request())) {
      problems.add(new FieldProblem("request", "申请内容不能为空"));
    }
    for (LetterField field : kind.requiredData()) {
      if (field == LetterField.ARTICLES && articles(kind, data) != null) {
        continue;
      }
      if (blank(value(field, data))) {
        problems.add(new FieldProblem(field.property(), kind.title() + "须填写" + field.tag()));
      }
    }
    if (data.exemptionCode() != null && Exemption.allOf(data.exemptionCode()).isEmpty()) {
      problems.add(new FieldProblem("exemptionCode", "不予公开类别无效：" + data.exemptionCode() + "，应为 "
          + String.join("、", Arrays.stream(Exemption.values()).map(Enum::name).toList())));
    } else if (kind.needsExemption() && data.exemptionCode() == null) {
      problems.add(new FieldProblem("exemptionCode", kind.title() + "须写明不予公开的类别（条例第十四条至第十六条等）"));
    }
    if (data.feeAmount() != null && data.feeAmount().signum() <= 0) {
      problems.add(new FieldProblem("feeAmount", "信息处理费金额应大于零"));
    }
    if (data.issuedOn() != null && data.receivedOn() != null && data.issuedOn().isBefore(data.receivedOn())) {
      problems.add(new FieldProblem("issuedOn", "发文日期不能早于收到申请日期"));
    }
    if (data.replyDueOn() != null && data.extendedDueOn() != null
        && !data.extendedDueOn().isAfter(data.replyDueOn())) {
      problems.add(new FieldProblem("extendedDueOn", "延长后的答复期限应晚于原答复期限"));
    }
    if (!problems.isEmpty()) {
      throw new BadRequestException(problems);
    }
  }

  /** Tag name to value; a blank value is null, so a {{?tag}} section is left out. */
  static Map<String, Object> of(
      LetterKind kind, LetterData data, Agency agency, String number, LocalDate issuedOn) {
    return of(kind, data, agency, number, issuedOn, year -> true);
  }

  /**
   * As {@link #of(LetterKind, LetterData, Agency, String, LocalDate)}; a deadline in a year whose
   * holidays are not yet published ({@code knownYear} false) says it is provisional (domain §10.6).
   */
  static Map<String, Object> of(LetterKind kind, LetterData data, Agency agency, String number, LocalDate issuedOn,
      IntPredicate knownYear) {
    Map<String, Object> model = new HashMap<>();
    for (LetterField field : LetterField.values()) {
      Object value = switch (field) {
        case AGENCY -> agency.name();
        case NUMBER -> number;
        case TITLE -> kind.title();
        case ARTICLES -> articles(kind, data);
        case REMEDY -> RemedyClause.text(kind, data.exemptionCode(), agency.reconsiderationBody());
        case RECONSIDERATION_BODY -> agency.reconsiderationBody();
        case ISSUED_ON -> date(issuedOn);
        case REPLY_DUE -> deadline(data.replyDueOn(), knownYear);
        case EXTENDED_DUE -> deadline(data.extendedDueOn(), knownYear);
        case CORRECTION_DUE -> deadline(data.correctionDueOn(), knownYear);
        case CONSULTATION_DUE -> deadline(data.consultationDueOn(), knownYear);
        case FEE_DUE -> deadline(data.feeDueOn(), knownYear);
        case CONTACT -> blank(data.contact()) ? agency.contactLine() : data.contact();
        default -> value(field, data);
      };
      model.put(field.tag(), blank(value) ? null : value);
    }
    // one text given as decision and as reasons or guidance (a screening comment) is printed once
    Object decision = model.get(LetterField.DECISION.tag());
    if (decision != null && (decision.equals(model.get(LetterField.REASONS.tag()))
        || decision.equals(model.get(LetterField.GUIDANCE.tag())))) {
      model.put(LetterField.DECISION.tag(), null);
    }
    model.put(ADDRESSING, Boolean.TRUE.equals(data.organisation()) ? "贵单位" : "您");
    return model;
  }

  /** Sample values for every field, used to try a template out when it is loaded. */
  static Map<String, Object> sample() {
    Map<String, Object> model = new HashMap<>();
    for (LetterField field : LetterField.values()) {
      model.put(field.tag(), field.description());
    }
    return model;
  }

  /** The caller's articles (without a trailing full stop), or the kind's default plus the exemption's article. */
  static String articles(LetterKind kind, LetterData data) {
    if (!blank(data.articles())) {
      return data.articles().strip().replaceAll("[。；;.]+$", "");
    }
    if (kind.defaultArticles() == null) {
      return null;
    }
    String exemption = kind.needsExemption()
        ? Exemption.allOf(data.exemptionCode()).map(all -> all.stream().map(Exemption::article).distinct()
            .map(article -> "、" + article).collect(java.util.stream.Collectors.joining())).orElse("")
        : "";
    return kind.defaultArticles() + exemption;
  }

  private static Object value(LetterField field, LetterData data) {
    return switch (field) {
      case ADDRESSEE -> blank(data.addressee()) ? data.applicantName() : data.addressee();
      case APPLICANT -> data.applicantName();
      case CASE_NUMBER -> data.caseRef() == null ? null : data.caseRef().caseNumber();
      case RECEIVED_ON -> date(data.receivedOn());
      case REQUEST -> data.request();
      case DECISION -> data.decision();
      case REASONS -> data.reasons();
      case ARTICLES -> data.articles();
      case GUIDANCE -> data.guidance();
      case COMPETENT_AGENCY -> data.competentAgency();
      case REPLY_DUE -> date(data.replyDueOn());
      case EXTENDED_DUE -> date(data.extendedDueOn());
      case CORRECTION_ITEMS -> data.correctionItems();
      case CORRECTION_DUE -> date(data.correctionDueOn());
      case CONSULTATION_DUE -> date(data.consultationDueOn());
      case FEE_AMOUNT -> data.feeAmount() == null ? null
          : data.feeAmount().setScale(2, RoundingMode.HALF_UP).toPlainString();
      case FEE_BASIS -> data.feeBasis();
      case FEE_DUE -> date(data.feeDueOn());
      case PAYMENT -> data.paymentMethod();
      case CONTACT -> data.contact();
      case ISSUED_ON -> date(data.issuedOn());
      case RELEASED_PAGES -> data.releasedPages() == null || data.releasedPages() < 1 ? null
          : String.valueOf(data.releasedPages());
      default -> null;
    };
  }

  /** Said of a deadline that falls in a year whose holiday arrangement the State Council has not published. */
  static final String PROVISIONAL = "（暂定：该年度节假日安排尚未公布，本期限待国务院办公厅公布该年度节假日安排后予以确认）";

  private static String deadline(LocalDate date, IntPredicate knownYear) {
    return date == null ? null : knownYear.test(date.getYear()) ? date(date) : date(date) + PROVISIONAL;
  }

  static String date(LocalDate date) {
    return date == null ? null : CHINESE_DATE.format(date);
  }

  private static boolean blank(Object value) {
    return value == null || (value instanceof String s && s.isBlank());
  }
}
