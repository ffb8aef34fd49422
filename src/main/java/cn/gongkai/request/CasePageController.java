package cn.gongkai.request;

import cn.gongkai.letters.CaseRef;
import cn.gongkai.letters.Letters;
import cn.gongkai.material.Mark;
import cn.gongkai.material.MarkState;
import cn.gongkai.material.MaterialView;
import cn.gongkai.material.Materials;
import cn.gongkai.request.internal.ReplyClock;
import cn.gongkai.security.CurrentUser;
import cn.gongkai.security.Roles;
import cn.gongkai.web.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The read-only case page (案件卷宗) linked from every task form. */
@Controller
class CasePageController {

  private final CaseRegister register;
  private final CaseView view;
  private final Letters letters;
  private final DecisionLabels decisions;
  private final StaffNames staff;
  private final Materials materials;

  CasePageController(CaseRegister register, CaseView view, Letters letters, DecisionLabels decisions,
      StaffNames staff, Materials materials) {
    this.register = register;
    this.view = view;
    this.letters = letters;
    this.decisions = decisions;
    this.staff = staff;
    this.materials = materials;
  }

  /** A released file as the case page lists it, with how many of its marks wait, passed or came back. */
  public record MaterialLine(MaterialView material, int marks, int proposed, int approved, int returned,
      String uploadedAt) {}

  /**
   * One line of 办理过程: the step, the day the fact happened, who recorded it (name and login id) and when, the
   * decision in Chinese.
   */
  public record Step(String stepName, java.time.LocalDate factOn, String actorName, String actorId,
      java.time.OffsetDateTime occurredAt, String decision, String comment) {}

  /** A linked case of a referral: its number (null while unconfirmed), its agency, the day confirmed. */
  public record ReferralLink(String caseNumber, String agencyCode, java.time.LocalDate confirmedOn) {}

  private static ReferralLink link(DisclosureCase c, CaseRegister.Referral r) {
    return new ReferralLink(c.caseNumber(), c.agencyCode(), r.confirmedOn());
  }

  /** When a file was attached, in Beijing time whatever the server's zone. */
  private static final java.time.format.DateTimeFormatter UPLOADED_AT = java.time.format.DateTimeFormatter
      .ofPattern("yyyy-MM-dd HH:mm").withZone(java.time.ZoneId.of("Asia/Shanghai"));

  private static int count(java.util.List<Mark> marks, MarkState state) {
    return (int) marks.stream().filter(m -> m.state() == state).count();
  }

  @GetMapping("/cases/{caseNumber}")
  String show(@PathVariable String caseNumber, HttpServletRequest request, Model model) {
    String user = CurrentUser.requireAnyRole(request, CaseView.staffRoles().toArray(String[]::new));
    DisclosureCase full = register.findByNumber(caseNumber)
        .orElseThrow(() -> new NotFoundException("案件不存在：" + caseNumber));
    // another agency's case answers exactly as one that does not exist
    CurrentUser.requireAgency(request, full.agencyCode(), "案件不存在：" + caseNumber);
    // intake staff register and deliver: they see the applicant in full, and the view is logged
    boolean seesPersonalData = request.isUserInRole(Roles.INTAKE);
    if (seesPersonalData) {
      register.logPersonalDataAccess(full.id(), user, "CASE_PAGE", ReplyClock.now());
    }
    DisclosureCase shown = seesPersonalData ? full : full.masked();
    model.addAttribute("c", shown);
    model.addAttribute("personalDataShown", seesPersonalData);
    java.util.List<CaseEvent> events = register.events(full.id());
    java.util.List<CaseRegister.DeadlineChange> changes = register.deadlineChanges(full.id());
    java.util.List<String> people = new java.util.ArrayList<>();
    people.add(full.registeredBy());
    people.add(user);
    events.forEach(e -> people.add(e.actor()));
    changes.forEach(ch -> people.add(ch.changedBy()));
    java.util.List<MaterialView> attached = materials.list(full.caseNumber());
    attached.forEach(m -> people.add(m.uploadedBy()));
    java.util.Map<String, String> names = staff.names(people);
    java.util.List<Step> steps = new java.util.ArrayList<>();
    // registering is the first step of every case (条例第二十九条), recorded on the register row itself
    steps.add(new Step("登记申请", full.receivedOn(), names.getOrDefault(full.registeredBy(), "系统"),
        full.registeredBy(), full.registeredAt(), null, null));
    // the register's own record of the registration (its decision is the case number) is that first step
    events.stream().filter(e -> !"Task_RegisterRequest".equals(e.stepKey())).forEach(e -> steps.add(new Step(e.stepName(), e.factOn(), e.actor() == null ? "系统" : names.get(e.actor()),
        e.actor(), e.occurredAt(), decisions.label(e.stepKey(), e.decision()), e.comment())));
    model.addAttribute("steps", steps);
    model.addAttribute("names", names);
    model.addAttribute("exemptionLabel", full.outcomeCode() == null ? null
        : Labelled.parse(ExemptionCode.class, full.outcomeCode()).map(ExemptionCode::label).orElse(full.outcomeCode()));
    model.addAttribute("documents", letters.documents(
        new CaseRef(CaseRef.DISCLOSURE, full.id(), full.caseNumber(), full.agencyCode())));
    // a closed case's letters are part of the archived record; who may add a corrected version: the API's editors
    boolean closed = full.status() == CaseStatus.CLOSED || full.archivedAt() != null;
    model.addAttribute("closed", closed);
    model.addAttribute("mayUpload", !closed && java.util.stream.Stream.of(Roles.INTAKE, Roles.HANDLER,
        Roles.REVIEWER, Roles.LEGAL, Roles.LEADER, Roles.ADMIN).anyMatch(request::isUserInRole));
    // the information released with the reply (区分处理): originals for staff, redacted copies for the applicant
    java.util.List<MaterialLine> lines = new java.util.ArrayList<>();
    java.util.List<Mark> allMarks = new java.util.ArrayList<>();
    for (MaterialView m : attached) {
      java.util.List<Mark> marks = materials.marks(m.id());
      allMarks.addAll(marks);
      lines.add(new MaterialLine(m, marks.size(), count(marks, MarkState.PROPOSED), count(marks, MarkState.APPROVED),
          count(marks, MarkState.RETURNED), UPLOADED_AT.format(m.uploadedAt())));
    }
    model.addAttribute("materials", lines);
    if (full.outcome() == Outcome.PARTIAL && !lines.isEmpty()) {
      // a partial disclosure withholds on the grounds its marks cite
      java.util.List<String> labels = allMarks.stream().map(Mark::exemptionCode).distinct()
          .sorted(java.util.Comparator.comparingInt(code -> Labelled.parse(ExemptionCode.class, code)
              .map(Enum::ordinal).orElse(Integer.MAX_VALUE)))
          .map(code -> Labelled.parse(ExemptionCode.class, code).map(ExemptionCode::label).orElse(code))
          .distinct().toList();
      if (!labels.isEmpty()) {
        model.addAttribute("exemptionLabel", String.join("；", labels));
      }
    }
    model.addAttribute("releasedPages", lines.stream().mapToInt(l -> l.material().redactedPages()).sum());
    model.addAttribute("releaseDelivered", full.repliedOn() != null && full.outcome() != null
        && full.outcome().releasesInformation());
    model.addAttribute("mayAttach", !closed && request.isUserInRole(Roles.HANDLER));
    model.addAttribute("mayReviewMarks", !closed && (request.isUserInRole(Roles.REVIEWER)
        || request.isUserInRole(Roles.LEGAL)));
    model.addAttribute("explanation", view.explain(full, view.currentDeadline(full)));
    model.addAttribute("changes", changes);
    model.addAttribute("pauseLabel", CaseView.pauseLabel(full.pauseReason()));
    model.addAttribute("user", user);
    model.addAttribute("userName", names.getOrDefault(user, user));
    model.addAttribute("importMark", view.importMark(full.id()).orElse(null));
    // referral (转办): the case it was transferred to, or the case it came from
    model.addAttribute("referredTo", register.referralFrom(full.id()).map(r -> r.toCaseId() == null
        ? new ReferralLink(null, r.toAgencyCode(), null) : link(register.get(r.toCaseId()), r)).orElse(null));
    model.addAttribute("referredFrom", register.referralTo(full.id())
        .map(r -> link(register.get(r.fromCaseId()), r)).orElse(null));
    return "case";
  }
}
