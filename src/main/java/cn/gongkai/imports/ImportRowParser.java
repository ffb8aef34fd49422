package cn.gongkai.imports;

import static cn.gongkai.imports.ImportColumn.ADDRESS;
import static cn.gongkai.imports.ImportColumn.APPLICANT_NAME;
import static cn.gongkai.imports.ImportColumn.APPLICANT_TYPE;
import static cn.gongkai.imports.ImportColumn.CHANNEL;
import static cn.gongkai.imports.ImportColumn.CLOSED_ON;
import static cn.gongkai.imports.ImportColumn.DESCRIPTION;
import static cn.gongkai.imports.ImportColumn.EMAIL;
import static cn.gongkai.imports.ImportColumn.EXEMPTION;
import static cn.gongkai.imports.ImportColumn.EXTENSION_DAYS;
import static cn.gongkai.imports.ImportColumn.FEE_AMOUNT;
import static cn.gongkai.imports.ImportColumn.FEE_PAID_ON;
import static cn.gongkai.imports.ImportColumn.ID_NUMBER;
import static cn.gongkai.imports.ImportColumn.ID_TYPE;
import static cn.gongkai.imports.ImportColumn.OUTCOME;
import static cn.gongkai.imports.ImportColumn.OVERDUE;
import static cn.gongkai.imports.ImportColumn.REPLY_DUE_ON;
import static cn.gongkai.imports.ImportColumn.PHONE;
import static cn.gongkai.imports.ImportColumn.RECEIVED_ON;
import static cn.gongkai.imports.ImportColumn.REPLIED_ON;
import static cn.gongkai.imports.ImportColumn.SOURCE_NUMBER;

import cn.gongkai.request.ApplicantType;
import cn.gongkai.request.Channel;
import cn.gongkai.request.ExemptionCode;
import cn.gongkai.request.IdType;
import cn.gongkai.request.Labelled;
import cn.gongkai.request.Outcome;
import cn.gongkai.request.RequestRegistration;
import cn.gongkai.web.BadRequestException;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks one row of an import file cell by cell: the request with the rules of registration
 * ({@link RequestRegistration#parse}), then the facts of its conclusion. Pure: the register is not read
 * here (duplicates and locked years are {@link CaseImport}'s).
 */
final class ImportRowParser {

  /** No request is older than the Regulations' first version in force (2008) needs; 2000 bounds every date. */
  static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

  private static final BigDecimal MAX_FEE = new BigDecimal("1000000");
  private static final Pattern DATE =
      Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?(?:[ T]\\d{1,2}:\\d{2}(?::\\d{2})?)?");

  /** The registration's JSON fields and the template columns they come from. */
  private static final Map<String, ImportColumn> REGISTRATION_FIELDS = Map.of(
      "applicantType", APPLICANT_TYPE, "applicantName", APPLICANT_NAME, "idType", ID_TYPE,
      "idNumber", ID_NUMBER, "phone", PHONE, "address", ADDRESS, "email", EMAIL, "channel", CHANNEL,
      "receivedOn", RECEIVED_ON, "description", DESCRIPTION);

  /** Deemed withdrawn (条例第三十条, 国办函〔2020〕109号): closed by archiving, without a reply. */
  private static final Set<Outcome> CLOSED_WITHOUT_REPLY = EnumSet.of(Outcome.NO_CORRECTION, Outcome.FEE_UNPAID);

  private final LocalDate today;
  private final int maxExtensionWorkingDays;
  private final BiFunction<LocalDate, Integer, LocalDate> replyDeadline;

  /**
   * @param replyDeadline the reply deadline of a request received on a day, given the extension's working days
   *     (0 without one): the statutory clock of the calendar module
   */
  ImportRowParser(LocalDate today, int maxExtensionWorkingDays,
      BiFunction<LocalDate, Integer, LocalDate> replyDeadline) {
    this.today = today;
    this.maxExtensionWorkingDays = maxExtensionWorkingDays;
    this.replyDeadline = replyDeadline;
  }

  /** The row's case, or the row's problems (each naming its column) in {@code problems}. */
  Optional<ImportedCase> parse(ImportRow row, List<ImportProblem> problems) {
    Cells cells = new Cells(row);

    String sourceNumber = cells.text(SOURCE_NUMBER, 100);
    Map<String, Object> fields = new HashMap<>();
    fields.put("applicantType", cells.code(APPLICANT_TYPE, ApplicantType.class));
    fields.put("applicantName", row.get(APPLICANT_NAME));
    fields.put("idType", cells.code(ID_TYPE, IdType.class));
    fields.put("idNumber", row.get(ID_NUMBER));
    fields.put("phone", row.get(PHONE));
    fields.put("address", row.get(ADDRESS));
    fields.put("email", row.get(EMAIL));
    fields.put("channel", cells.code(CHANNEL, Channel.class));
    LocalDate receivedOn = cells.date(RECEIVED_ON);
    fields.put("receivedOn", receivedOn);
    fields.put("description", row.get(DESCRIPTION));
    RequestRegistration request = null;
    try {
      request = RequestRegistration.parse(fields, today);
    } catch (BadRequestException e) {
      for (BadRequestException.FieldProblem p : e.problems()) {
        ImportColumn column = REGISTRATION_FIELDS.get(p.field());
        // a cell already refused here (an unknown label, a bad date) is not refused twice
        if (!cells.refused(column)) {
          cells.problem(column, p.message());
        }
      }
    }

    Outcome outcome = Labelled.parse(Outcome.class, cells.code(OUTCOME, Outcome.class)).orElse(null);
    String exemptionCode = cells.code(EXEMPTION, ExemptionCode.class);
    ExemptionCode exemption = Labelled.parse(ExemptionCode.class, exemptionCode).orElse(null);
    if (outcome != null && !cells.refused(EXEMPTION)) {
      if (outcome.withholds() && row.get(EXEMPTION) == null) {
        cells.problem(EXEMPTION, "办理结果为“" + outcome.label() + "”时必须填写不予公开理由");
      } else if (!outcome.withholds() && row.get(EXEMPTION) != null) {
        cells.problem(EXEMPTION, "只有不予公开或部分公开的案件填写不予公开理由，“" + outcome.label() + "”不填");
      }
    }

    Integer extension = cells.wholeNumber(EXTENSION_DAYS, 1, maxExtensionWorkingDays);
    Boolean overdue = cells.yesNo(OVERDUE);
    BigDecimal fee = cells.fee(FEE_AMOUNT);
    LocalDate feePaidOn = cells.date(FEE_PAID_ON);
    LocalDate repliedOn = cells.date(REPLIED_ON);
    LocalDate closedOn = cells.date(CLOSED_ON);
    LocalDate dueGiven = cells.date(REPLY_DUE_ON);

    if (outcome != null && CLOSED_WITHOUT_REPLY.contains(outcome)) {
      if (row.get(REPLIED_ON) != null) {
        cells.problem(REPLIED_ON, "“" + outcome.label() + "”的案件没有答复，不填答复日期，请填写办结日期");
      }
      if (row.get(CLOSED_ON) == null) {
        cells.problem(CLOSED_ON, "“" + outcome.label() + "”的案件必须填写办结日期");
      }
      if (Boolean.TRUE.equals(overdue)) {
        cells.problem(OVERDUE, "视为放弃申请的案件没有答复，不能为超期");
      }
    } else if (outcome != null && row.get(REPLIED_ON) == null) {
      cells.problem(REPLIED_ON, "办理结果为“" + outcome.label() + "”时必须填写答复日期");
    }
    if (receivedOn != null && repliedOn != null && repliedOn.isBefore(receivedOn)) {
      cells.problem(REPLIED_ON, "答复日期不能早于收到申请日期（" + receivedOn + "）");
    }
    if (receivedOn != null && closedOn != null && closedOn.isBefore(receivedOn)) {
      cells.problem(CLOSED_ON, "办结日期不能早于收到申请日期（" + receivedOn + "）");
    }
    if (repliedOn != null && closedOn != null && closedOn.isBefore(repliedOn)) {
      cells.problem(CLOSED_ON, "办结日期不能早于答复日期（" + repliedOn + "）");
    }
    LocalDate concluded = repliedOn != null ? repliedOn : closedOn;

    // 超期 follows from the dates (replied after the deadline day); the office's own column must agree
    LocalDate replyDueOn = dueGiven;
    if (replyDueOn == null && receivedOn != null && !cells.refused(RECEIVED_ON) && !cells.refused(EXTENSION_DAYS)) {
      replyDueOn = replyDeadline.apply(receivedOn, extension == null ? 0 : extension);
    }
    if (dueGiven != null && receivedOn != null && !dueGiven.isAfter(receivedOn)) {
      cells.problem(REPLY_DUE_ON, "答复期限须晚于收到申请日期（" + receivedOn + "）");
    }
    boolean late = repliedOn != null && replyDueOn != null && repliedOn.isAfter(replyDueOn);
    if (overdue != null && repliedOn != null && replyDueOn != null && overdue != late
        && !cells.refused(REPLIED_ON)) {
      cells.problem(OVERDUE, late
          ? "答复日期（" + repliedOn + "）晚于答复期限（" + replyDueOn + "），应为超期"
          : "答复日期（" + repliedOn + "）未超过答复期限（" + replyDueOn + "），不是超期；"
              + "有中止、补正等情形的，请在“答复期限”列填写实际答复期限");
    }

    // a fee is charged before the information is provided: paid, or the request is deemed withdrawn
    if (row.get(FEE_PAID_ON) != null && row.get(FEE_AMOUNT) == null) {
      cells.problem(FEE_AMOUNT, "填写了缴费日期，必须填写信息处理费金额");
    }
    if (outcome == Outcome.FEE_UNPAID) {
      if (row.get(FEE_AMOUNT) == null) {
        cells.problem(FEE_AMOUNT, "逾期未缴纳信息处理费的案件必须填写收费金额");
      }
      if (row.get(FEE_PAID_ON) != null) {
        cells.problem(FEE_PAID_ON, "逾期未缴纳信息处理费的案件不填缴费日期");
      }
    } else if (outcome != null && row.get(FEE_AMOUNT) != null && row.get(FEE_PAID_ON) == null) {
      cells.problem(FEE_PAID_ON, "收取信息处理费的案件必须填写缴费日期（未缴费的办理结果为逾期未缴纳信息处理费）");
    }
    if (feePaidOn != null && receivedOn != null && feePaidOn.isBefore(receivedOn)) {
      cells.problem(FEE_PAID_ON, "缴费日期不能早于收到申请日期（" + receivedOn + "）");
    }
    if (feePaidOn != null && concluded != null && feePaidOn.isAfter(concluded)) {
      cells.problem(FEE_PAID_ON, "缴费日期不能晚于" + (repliedOn != null ? "答复日期" : "办结日期") + "（" + concluded + "）");
    }

    problems.addAll(cells.problems);
    if (!cells.problems.isEmpty() || request == null) {
      return Optional.empty();
    }
    return Optional.of(new ImportedCase(row.number(), sourceNumber, request, outcome, exemption, extension,
        late, fee, feePaidOn, repliedOn, closedOn == null ? repliedOn : closedOn, replyDueOn));
  }

  /** The labels a code column accepts, for the messages and the template. */
  static <E extends Enum<E> & Labelled> String labels(Class<E> type) {
    return Arrays.stream(type.getEnumConstants()).map(Labelled::label).collect(Collectors.joining("、"));
  }

  /** Reads one row's cells, collecting one problem per cell at most. */
  private final class Cells {
    private final ImportRow row;
    private final List<ImportProblem> problems = new ArrayList<>();
    private final Set<ImportColumn> refused = EnumSet.noneOf(ImportColumn.class);

    Cells(ImportRow row) {
      this.row = row;
    }

    void problem(ImportColumn column, String message) {
      if (refused.add(column)) {
        problems.add(new ImportProblem(row.number(), column, message));
      }
    }

    boolean refused(ImportColumn column) {
      return refused.contains(column);
    }

    String text(ImportColumn column, int maxLength) {
      String text = row.get(column);
      if (text != null && text.length() > maxLength) {
        problem(column, column.header() + "不能超过" + maxLength + "个字");
        return null;
      }
      return text;
    }

    /**
     * The code of a labelled value given by its Chinese label or its code; an unknown value is refused here
     * and handed on as it was written, an empty cell as null (the caller decides whether it is required).
     */
    <E extends Enum<E> & Labelled> String code(ImportColumn column, Class<E> type) {
      String text = row.get(column);
      if (text == null) {
        if (column == OUTCOME) {
          problem(column, "办理结果为必填项");
        }
        return null;
      }
      String normalized = ImportColumn.normalize(text);
      for (E constant : type.getEnumConstants()) {
        if (constant.name().equals(text) || ImportColumn.normalize(constant.label()).equals(normalized)) {
          return constant.name();
        }
      }
      problem(column, "“" + text + "”不是有效的" + column.header() + "，可填：" + labels(type));
      return text;
    }

    LocalDate date(ImportColumn column) {
      String text = row.get(column);
      if (text == null) {
        return null;
      }
      Matcher m = DATE.matcher(text);
      LocalDate date = null;
      if (m.matches()) {
        try {
          date = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        } catch (DateTimeException e) {
          date = null;
        }
      }
      if (date == null) {
        problem(column, "“" + text + "”不是有效日期（格式：年-月-日，如 2026-03-05）");
        return null;
      }
      if (date.isBefore(EARLIEST)) {
        problem(column, column.header() + "不能早于2000年1月1日");
        return null;
      }
      if (date.isAfter(today)) {
        problem(column, column.header() + "不能晚于今天（" + today + "）");
        return null;
      }
      return date;
    }

    Integer wholeNumber(ImportColumn column, int min, int max) {
      String text = row.get(column);
      if (text == null) {
        return null;
      }
      try {
        BigDecimal value = new BigDecimal(text);
        if (value.stripTrailingZeros().scale() <= 0 && value.compareTo(BigDecimal.valueOf(min)) >= 0
            && value.compareTo(BigDecimal.valueOf(max)) <= 0) {
          return value.intValueExact();
        }
      } catch (NumberFormatException | ArithmeticException e) {
        // refused below
      }
      problem(column, column.header() + "须为" + min + "至" + max + "之间的整数（条例第三十三条第二款），未延期不填");
      return null;
    }

    Boolean yesNo(ImportColumn column) {
      String text = row.get(column);
      if (text == null || text.equals("否")) {
        return false;
      }
      if (text.equals("是")) {
        return true;
      }
      problem(column, column.header() + "只能填“是”或“否”");
      return null;
    }

    BigDecimal fee(ImportColumn column) {
      String text = row.get(column);
      if (text == null) {
        return null;
      }
      try {
        BigDecimal amount = new BigDecimal(text.replace(",", "").replace("，", ""));
        if (amount.signum() > 0 && amount.stripTrailingZeros().scale() <= 2 && amount.compareTo(MAX_FEE) < 0) {
          return amount.setScale(2);
        }
      } catch (NumberFormatException | ArithmeticException e) {
        // refused below
      }
      problem(column, column.header() + "须为大于0的金额（元），最多两位小数；未收费不填");
      return null;
    }
  }
}
