package cn.gongkai.request;

import cn.gongkai.letters.CaseRef;
import cn.gongkai.letters.Letters;
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

  CasePageController(CaseRegister register, CaseView view, Letters letters) {
    this.register = register;
    this.view = view;
    this.letters = letters;
  }

  @GetMapping("/cases/{caseNumber}")
  String show(@PathVariable String caseNumber, HttpServletRequest request, Model model) {
    String user = CurrentUser.requireAnyRole(request, CaseView.staffRoles().toArray(String[]::new));
    DisclosureCase full = register.findByNumber(caseNumber)
        .orElseThrow(() -> new NotFoundException("案件不存在：" + caseNumber));
    // intake staff register and deliver: they see the applicant in full, and the view is logged
    boolean seesPersonalData = request.isUserInRole(Roles.INTAKE);
    if (seesPersonalData) {
      register.logPersonalDataAccess(full.id(), user, "CASE_PAGE", ReplyClock.now());
    }
    DisclosureCase shown = seesPersonalData ? full : full.masked();
    model.addAttribute("c", shown);
    model.addAttribute("personalDataShown", seesPersonalData);
    model.addAttribute("events", register.events(full.id()));
    model.addAttribute("documents", letters.documents(
        new CaseRef(CaseRef.DISCLOSURE, full.id(), full.caseNumber(), full.agencyCode())));
    model.addAttribute("explanation", view.explain(full, view.currentDeadline(full)));
    model.addAttribute("changes", register.deadlineChanges(full.id()));
    model.addAttribute("pauseLabel", CaseView.pauseLabel(full.pauseReason()));
    model.addAttribute("user", user);
    model.addAttribute("importMark", view.importMark(full.id()).orElse(null));
    return "case";
  }
}
