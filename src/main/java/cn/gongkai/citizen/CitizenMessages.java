package cn.gongkai.citizen;

import cn.gongkai.agency.Agencies;
import cn.gongkai.agency.AgencyStarts;
import cn.gongkai.calendar.Deadline;
import cn.gongkai.web.BadRequestException;
import cn.gongkai.web.BadRequestException.FieldProblem;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Receives a citizen's message (from the government website, 12345 or entered by the office): checked, stored in
 * the register with the citizen's contact data, and its {@code citizen-message} process started in the agency,
 * with the case number as business key and no personal data; all in one transaction.
 */
@Service
public class CitizenMessages {

  private static final Pattern PHONE = Pattern.compile("[0-9+\\-() ]{5,32}");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,255}\\.[^@\\s]{1,63}");
  private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  private final CitizenMessageRegister register;
  private final CitizenMessageClock clock;
  private final Agencies agencies;
  private final AgencyStarts starts;
  private final RuntimeService runtimeService;

  CitizenMessages(CitizenMessageRegister register, CitizenMessageClock clock, Agencies agencies, AgencyStarts starts,
      RuntimeService runtimeService) {
    this.register = register;
    this.clock = clock;
    this.agencies = agencies;
    this.starts = starts;
    this.runtimeService = runtimeService;
  }

  /** A message as submitted to the API: every field a string or flag, checked here (400 naming the field). */
  public record MessageForm(String channel, String receivedOn, String messageType, String subject, String content,
      Boolean publicationAgreed, String citizenName, String citizenPhone, String citizenEmail) {}

  /** Checks the form: every problem at once, each naming its field in Chinese. */
  public static CitizenMessageRegister.Received check(MessageForm f) {
    List<FieldProblem> problems = new ArrayList<>();
    MessageChannel channel = null;
    try {
      channel = MessageChannel.valueOf(blank(f.channel()) ? "" : f.channel().strip());
    } catch (IllegalArgumentException e) {
      problems.add(new FieldProblem("channel", "留言渠道应为 WEBSITE（政府网站留言）、HOTLINE_12345（12345热线）"
          + "或 EXPOSURE_PLATFORM（政府网站曝光台）"));
    }
    MessageType type = null;
    try {
      type = MessageType.valueOf(blank(f.messageType()) ? "" : f.messageType().strip());
    } catch (IllegalArgumentException e) {
      problems.add(new FieldProblem("messageType", "留言类型应为 CONSULTATION（咨询）、COMPLAINT（投诉）、"
          + "SUGGESTION（建议）、HELP（求助）或 OTHER（其他）"));
    }
    LocalDate receivedOn = null;
    if (blank(f.receivedOn())) {
      problems.add(new FieldProblem("receivedOn", "收到留言日期为必填项"));
    } else {
      try {
        if (!ISO_DATE.matcher(f.receivedOn().strip()).matches()) {
          throw new DateTimeParseException("not yyyy-MM-dd", f.receivedOn(), 0);
        }
        receivedOn = LocalDate.parse(f.receivedOn().strip());
        if (receivedOn.isBefore(LocalDate.of(2000, 1, 1))) {
          problems.add(new FieldProblem("receivedOn", "收到留言日期不能早于2000年1月1日"));
        } else if (receivedOn.isAfter(CitizenMessageClock.today())) {
          problems.add(new FieldProblem("receivedOn", "收到留言日期不能晚于今天（" + CitizenMessageClock.today() + "）"));
        }
      } catch (DateTimeParseException e) {
        problems.add(new FieldProblem("receivedOn", "收到留言日期不是有效日期（格式为 YYYY-MM-DD）"));
      }
    }
    text(problems, "subject", "留言标题", f.subject(), 500, true);
    text(problems, "content", "留言内容", f.content(), 8000, true);
    text(problems, "citizenName", "留言人姓名", f.citizenName(), 200, false);
    if (!blank(f.citizenPhone()) && !PHONE.matcher(f.citizenPhone().strip()).matches()) {
      problems.add(new FieldProblem("citizenPhone", "联系电话格式不正确"));
    }
    if (!blank(f.citizenEmail()) && !EMAIL.matcher(f.citizenEmail().strip()).matches()) {
      problems.add(new FieldProblem("citizenEmail", "电子邮箱格式不正确"));
    }
    if (!problems.isEmpty()) {
      throw new BadRequestException(problems);
    }
    return new CitizenMessageRegister.Received(channel, receivedOn, type, f.subject().strip(), f.content().strip(),
        Boolean.TRUE.equals(f.publicationAgreed()), strip(f.citizenName()), strip(f.citizenPhone()),
        strip(f.citizenEmail()));
  }

  /** The registered message's number, process instance and acceptance deadline. */
  public record Registered(String caseNumber, String processInstanceId, LocalDate acceptDueOn,
      boolean acceptDueProvisional) {}

  /** Registers the message in that agency and starts its process there; the caller is the engine's user. */
  @Transactional
  public Registered receive(CitizenMessageRegister.Received message, String agencyCode, String registeredBy) {
    Deadline accept = clock.acceptDeadline(message.receivedOn());
    CitizenMessage row = register.register(agencies.get(agencyCode), message, accept.due(), accept.provisional(),
        CitizenMessageClock.now(), registeredBy);
    String instance = starts.in(agencyCode, () -> runtimeService
        .startProcessInstanceByKey(CitizenMessageVariables.PROCESS_KEY, row.caseNumber()).getId());
    return new Registered(row.caseNumber(), instance, accept.due(), accept.provisional());
  }

  private static void text(List<FieldProblem> problems, String field, String label, String value, int max,
      boolean required) {
    if (blank(value)) {
      if (required) {
        problems.add(new FieldProblem(field, label + "为必填项"));
      }
    } else if (value.strip().length() > max) {
      problems.add(new FieldProblem(field, label + "不能超过" + max + "个字"));
    }
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  private static String strip(String value) {
    return blank(value) ? null : value.strip();
  }

  /** 张* / 138****5678 / z***@example.cn: enough to recognise, not to contact. */
  public static String maskName(String name) {
    if (name == null) {
      return null;
    }
    return name.codePointCount(0, name.length()) <= 1 ? "*"
        : new String(Character.toChars(name.codePointAt(0))) + "*".repeat(Math.min(3,
            name.codePointCount(0, name.length()) - 1));
  }

  public static String maskPhone(String phone) {
    if (phone == null) {
      return null;
    }
    String digits = phone.replaceAll("\\D", "");
    return digits.length() < 7 ? "****" : digits.substring(0, 3) + "****" + digits.substring(digits.length() - 4);
  }

  public static String maskEmail(String email) {
    if (email == null) {
      return null;
    }
    int at = email.indexOf('@');
    return at <= 0 ? "***" : email.charAt(0) + "***" + email.substring(at);
  }
}
