package cn.gongkai.casestudy.internal;

import static cn.gongkai.casestudy.CaseStudyVariables.DECISION_REASON;
import static cn.gongkai.casestudy.CaseStudyVariables.DECISION_SUMMARY;
import static cn.gongkai.casestudy.CaseStudyVariables.LEGAL_BASIS;
import static cn.gongkai.casestudy.CaseStudyVariables.LESSONS;
import static cn.gongkai.casestudy.CaseStudyVariables.PROACTIVE_RELEASE_PROPOSED;
import static cn.gongkai.casestudy.CaseStudyVariables.PROACTIVE_RELEASE_REASON;
import static cn.gongkai.casestudy.CaseStudyVariables.QUESTION_TYPE;
import static cn.gongkai.casestudy.CaseStudyVariables.REQUEST_SUMMARY;

import cn.gongkai.calendar.Deadline;
import cn.gongkai.casestudy.CaseStudy;
import cn.gongkai.casestudy.CaseStudyClock;
import cn.gongkai.casestudy.CaseStudyRegister;
import cn.gongkai.casestudy.CaseStudyVariables;
import cn.gongkai.casestudy.PersonalDataScreen;
import cn.gongkai.casestudy.QuestionType;
import cn.gongkai.request.CaseRegister;
import cn.gongkai.request.DisclosureCase;
import cn.gongkai.workflow.FormFields;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.pvm.delegate.ActivityExecution;
import org.camunda.bpm.engine.task.IdentityLink;
import org.springframework.stereotype.Component;

/**
 * What each step of a case study means for the register: the current step and who may work it on create and
 * assignment; on complete the step's decision is checked, recorded and acted on. The case study is the one
 * registered for the process instance; no variable can point a step at another one. Texts are screened for
 * personal data before anything is stored: a refusal completes nothing.
 */
@Component
class CaseStudySteps {

  static final String DRAFT = "Task_DraftCaseStudy";
  static final String REVIEW = "Task_ReviewCaseStudy";
  static final String REVISE = "Task_ReviseCaseStudy";
  static final String CONVERT = "Task_ConvertToProactiveRelease";
  static final String SUPERVISE = "Task_SuperviseCaseStudyReview";

  private static final Pattern URL = Pattern.compile("^https?://\\S+$");

  private final CaseStudyRegister register;
  private final CaseStudyClock clock;
  private final CaseRegister disclosureCases;

  CaseStudySteps(CaseStudyRegister register, CaseStudyClock clock, CaseRegister disclosureCases) {
    this.register = register;
    this.clock = clock;
    this.disclosureCases = disclosureCases;
  }

  void notify(DelegateTask task) {
    Optional<CaseStudy> found = register.findByProcessInstance(task.getProcessInstanceId());
    if (found.isEmpty()) {
      return;
    }
    CaseStudy c = found.get();
    String key = task.getTaskDefinitionKey();
    switch (task.getEventName()) {
      case "create" -> {
        if (!SUPERVISE.equals(key)) {
          register.enterStep(c.id(), key, task.getName(), candidateGroup(task));
        }
        if (REVIEW.equals(key) && c.reviewDueOn() != null) {
          task.setDueDate(clock.taskDue(c.reviewDueOn()));
        }
      }
      case "assignment" -> register.assign(c.id(), key, task.getAssignee());
      default -> { }
    }
  }

  /** The user task ended: an execution listener, so that a refusal reaches the caller as a plain 400. */
  void notify(DelegateExecution execution) {
    if (((ActivityExecution) execution).isCanceled()) {
      return;
    }
    Optional<CaseStudy> found = register.findByProcessInstance(execution.getProcessInstanceId());
    if (found.isEmpty()) {
      return;
    }
    CaseStudy c = found.get();
    String key = execution.getCurrentActivityId();
    String name = execution.getCurrentActivityName();
    String actor = FormFields.actor(execution);
    String decision = null;
    String comment = null;
    switch (key) {
      case DRAFT, REVISE -> {
        submit(execution, c);
        decision = "SUBMITTED";
        comment = "提交审核，审核期限" + register.get(c.id()).reviewDueOn();
      }
      case REVIEW -> {
        decision = FormFields.reviewResult(execution, CaseStudyVariables.REVIEW_RESULT,
            CaseStudyVariables.REVIEW_COMMENT, name);
        comment = FormFields.text(execution, CaseStudyVariables.REVIEW_COMMENT);
        register.recordReview(c.id(), decision, comment, CaseStudyClock.today(), actor);
      }
      case CONVERT -> {
        decision = FormFields.required(execution, CaseStudyVariables.PROACTIVE_RELEASE_DECISION, "是否转主动公开");
        comment = FormFields.text(execution, CaseStudyVariables.PROACTIVE_RELEASE_COMMENT);
        LocalDate releasedOn = null;
        String url = null;
        if ("ADOPTED".equals(decision)) {
          releasedOn = FormFields.date(execution, CaseStudyVariables.PROACTIVE_RELEASED_ON, "主动公开日期");
          if (releasedOn.isBefore(c.submittedOn())) {
            throw new BadUserRequestException("主动公开日期不能早于案例提交审核的日期（" + c.submittedOn() + "）（"
                + CaseStudyVariables.PROACTIVE_RELEASED_ON + "）");
          }
          url = FormFields.text(execution, CaseStudyVariables.PROACTIVE_RELEASE_URL);
          if (url != null && !URL.matcher(url).matches()) {
            throw new BadUserRequestException("公开网址应为以 http:// 或 https:// 开头的网址（"
                + CaseStudyVariables.PROACTIVE_RELEASE_URL + "）");
          }
        } else if ("NOT_ADOPTED".equals(decision)) {
          if (comment == null) {
            throw new BadUserRequestException("不转主动公开时必须写明理由（"
                + CaseStudyVariables.PROACTIVE_RELEASE_COMMENT + "）");
          }
        } else {
          throw new BadUserRequestException("是否转主动公开的取值无效：" + decision);
        }
        register.recordProactiveRelease(c.id(), decision, comment, releasedOn, url);
        register.close(c.id(), "已入库");
      }
      case SUPERVISE -> {
        comment = FormFields.required(execution, CaseStudyVariables.SUPERVISION_COMMENT, "督办意见");
        decision = "SUPERVISED";
      }
      default -> { }
    }
    register.recordEvent(c.id(), new CaseStudyRegister.Event(key, name, actor, CaseStudyClock.now(), decision,
        comment));
  }

  /** A (re)submission for review: texts checked and screened, stored, the review clock started from today. */
  private void submit(DelegateExecution execution, CaseStudy c) {
    String type = FormFields.required(execution, QUESTION_TYPE, "问题类型");
    if (QuestionType.parse(type) == null) {
      throw new BadUserRequestException("问题类型的取值无效：" + type + "（" + QUESTION_TYPE + "）");
    }
    Map<String, String> texts = new LinkedHashMap<>();
    for (Map.Entry<String, String> field : CaseStudyVariables.TEXTS.entrySet()) {
      texts.put(field.getKey(), FormFields.text(execution, field.getKey()));
    }
    for (String required : new String[] {REQUEST_SUMMARY, DECISION_SUMMARY, DECISION_REASON, LEGAL_BASIS, LESSONS}) {
      FormFields.required(execution, required, CaseStudyVariables.TEXTS.get(required));
    }
    boolean proactive = flag(execution.getVariable(PROACTIVE_RELEASE_PROPOSED));
    if (proactive && texts.get(PROACTIVE_RELEASE_REASON) == null) {
      throw new BadUserRequestException("建议转主动公开时必须写明理由（如多个申请人申请同一政府信息）（"
          + PROACTIVE_RELEASE_REASON + "）");
    }
    for (Map.Entry<String, String> text : texts.entrySet()) {
      int max = LESSONS.equals(text.getKey()) || DECISION_REASON.equals(text.getKey()) ? 4000
          : LEGAL_BASIS.equals(text.getKey()) ? 1000 : 2000;
      if (text.getValue() != null && text.getValue().length() > max) {
        throw new BadUserRequestException("“" + CaseStudyVariables.TEXTS.get(text.getKey()) + "”不能超过" + max
            + "个字（" + text.getKey() + "）");
      }
    }
    DisclosureCase source = disclosureCases.get(c.sourceCaseId());
    PersonalDataScreen.Applicant applicant = new PersonalDataScreen.Applicant(source.applicantName(),
        source.idNumber(), source.phone(), source.address(), source.email());
    PersonalDataScreen.check(texts, CaseStudyVariables.TEXTS, applicant).ifPresent(finding -> {
      throw new BadUserRequestException(finding.message() + "（" + finding.field() + "）");
    });
    LocalDate today = CaseStudyClock.today();
    Deadline deadline = clock.reviewDeadline(today);
    register.submit(c.id(), new CaseStudyRegister.Texts(type, texts.get(REQUEST_SUMMARY),
        texts.get(DECISION_SUMMARY), texts.get(DECISION_REASON), texts.get(LEGAL_BASIS), texts.get(LESSONS),
        proactive, proactive ? texts.get(PROACTIVE_RELEASE_REASON) : null), today, clock.limit(), deadline.due(),
        deadline.provisional());
    execution.setVariable(PROACTIVE_RELEASE_PROPOSED, proactive);
    execution.setVariable(CaseStudyVariables.REVIEW_DUE_ON, deadline.due().toString());
    execution.setVariable(CaseStudyVariables.REVIEW_REMIND_AT, clock.remindAt(deadline.due()));
    execution.setVariable(CaseStudyVariables.REVIEW_OVERDUE_AT, clock.endOf(deadline.due()));
    execution.setVariable(CaseStudyVariables.OVERDUE, false);
    // each round is decided afresh
    execution.setVariable(CaseStudyVariables.REVIEW_RESULT, null);
  }

  private static boolean flag(Object value) {
    return value instanceof Boolean b ? b : value != null && "true".equalsIgnoreCase(value.toString().strip());
  }

  private static String candidateGroup(DelegateTask task) {
    return task.getCandidates().stream().map(IdentityLink::getGroupId).filter(g -> g != null).findFirst()
        .orElse(null);
  }
}
