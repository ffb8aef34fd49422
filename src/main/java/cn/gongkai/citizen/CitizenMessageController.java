package cn.gongkai.citizen;

import cn.gongkai.security.CurrentUser;
import cn.gongkai.security.Roles;
import cn.gongkai.web.BadRequestException;
import cn.gongkai.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** 网民留言 in the API: registering a message, a message's file, and the per-department statistics. */
@Tag(name = "网民留言", description = "网民留言、咨询的受理、转办和反馈")
@RestController
class CitizenMessageController {

  /** Who registers messages (the office that accepts them, the intake desk for 12345 calls). */
  static final String[] REGISTRARS = {Roles.OFFICE, Roles.INTAKE, Roles.ADMIN};
  /** Who needs the citizen's contact data unmasked: the office that feeds the answer back. */
  static final Set<String> CONTACT_READERS = Set.of(Roles.OFFICE, Roles.INTAKE, Roles.ADMIN);
  static final String[] STAFF = {Roles.OFFICE, Roles.INTAKE, Roles.HANDLER, Roles.REVIEWER, Roles.LEADER,
      Roles.SUPERVISOR, Roles.ADMIN};

  private final CitizenMessages messages;
  private final CitizenMessageRegister register;

  CitizenMessageController(CitizenMessages messages, CitizenMessageRegister register) {
    this.messages = messages;
    this.register = register;
  }

  @Operation(summary = "登记网民留言", description = "登记来自政府网站、12345热线或曝光台的留言，并启动受理、转办、反馈流程。")
  @PostMapping("/api/citizen-messages")
  @ResponseStatus(HttpStatus.CREATED)
  CitizenMessages.Registered create(@RequestBody CitizenMessages.MessageForm form, HttpServletRequest request) {
    String user = CurrentUser.requireAnyRole(request, REGISTRARS);
    CitizenMessageRegister.Received message = CitizenMessages.check(form);
    String agency = CurrentUser.homeAgency(request);
    if (agency == null) {
      throw new BadRequestException("agency", "您的账户未归属任何机关，不能登记留言");
    }
    return messages.receive(message, agency, user);
  }

  @Operation(summary = "按部门统计留言办理情况", description = "某年收到并转办的留言，按承办部门统计收到、按期答复、逾期答复和逾期未答复的件数（按事实发生日期计算）。")
  @GetMapping("/api/citizen-messages/statistics")
  Map<String, Object> statistics(@RequestParam(required = false) String year, HttpServletRequest request) {
    CurrentUser.requireAnyRole(request, Roles.OFFICE, Roles.LEADER, Roles.SUPERVISOR, Roles.ADMIN);
    int y;
    try {
      y = year == null || year.isBlank() ? CitizenMessageClock.today().getYear() : Integer.parseInt(year.strip());
    } catch (NumberFormatException e) {
      throw new BadRequestException("year", "年份应为2000至2100之间的整数");
    }
    if (y < 2000 || y > 2100) {
      throw new BadRequestException("year", "年份应为2000至2100之间的整数");
    }
    var agencies = CurrentUser.seesEveryAgency(request) ? null : CurrentUser.agencies(request);
    List<CitizenMessageRegister.DepartmentCount> departments = register.statistics(agencies, y,
        CitizenMessageClock.today());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("year", y);
    body.put("refused", register.refusedCount(agencies, y));
    body.put("received", departments.stream().mapToLong(CitizenMessageRegister.DepartmentCount::received).sum());
    body.put("answeredOnTime",
        departments.stream().mapToLong(CitizenMessageRegister.DepartmentCount::answeredOnTime).sum());
    body.put("answeredLate",
        departments.stream().mapToLong(CitizenMessageRegister.DepartmentCount::answeredLate).sum());
    body.put("departments", departments);
    return body;
  }

  @Operation(summary = "查看留言", description = "留言及办理过程；留言人联系方式仅对受理、反馈的办公室显示，其他角色看到的是脱敏后的信息。")
  @GetMapping("/api/citizen-messages/{caseNumber}")
  Map<String, Object> get(@PathVariable String caseNumber, HttpServletRequest request) {
    CurrentUser.requireAnyRole(request, STAFF);
    CitizenMessage m = register.findByNumber(caseNumber).stream()
        .filter(c -> CurrentUser.mayAccessAgency(request, c.agencyCode())).findFirst()
        .orElseThrow(() -> new NotFoundException("留言不存在：" + caseNumber));
    boolean contact = CONTACT_READERS.stream().anyMatch(request::isUserInRole);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("caseNumber", m.caseNumber());
    body.put("agencyCode", m.agencyCode());
    body.put("channel", m.channel().name());
    body.put("channelLabel", m.channel().label());
    body.put("receivedOn", m.receivedOn());
    body.put("messageType", m.messageType().name());
    body.put("messageTypeLabel", m.messageType().label());
    body.put("subject", m.subject());
    body.put("content", m.content());
    body.put("publicationAgreed", m.publicationAgreed());
    body.put("citizenName", contact ? m.citizenName() : CitizenMessages.maskName(m.citizenName()));
    body.put("citizenPhone", contact ? m.citizenPhone() : CitizenMessages.maskPhone(m.citizenPhone()));
    body.put("citizenEmail", contact ? m.citizenEmail() : CitizenMessages.maskEmail(m.citizenEmail()));
    body.put("contactMasked", !contact);
    body.put("acceptDueOn", m.acceptDueOn());
    body.put("acceptedOn", m.acceptedOn());
    body.put("refusedOn", m.refusedOn());
    body.put("refusalReason", m.refusalReason());
    body.put("responsibleDepartment", m.responsibleDepartment());
    body.put("returnCount", m.returnCount());
    body.put("answerDueOn", m.answerDueOn());
    body.put("extensionWorkingDays", m.extensionWorkingDays());
    body.put("answeredOn", m.answeredOn());
    body.put("answerText", m.answerText());
    body.put("feedbackOn", m.feedbackOn());
    body.put("publishedOn", m.publishedOn());
    body.put("publishedUrl", m.publishedUrl());
    body.put("status", m.status());
    body.put("outcome", m.outcome());
    body.put("currentStepName", m.currentStepName());
    body.put("events", register.events(m.id()));
    return body;
  }

}
