package cn.gongkai.opinion.internal;

import static cn.gongkai.opinion.OpinionVariables.*;

import cn.gongkai.opinion.OpinionClock;
import cn.gongkai.opinion.OpinionEvent;
import cn.gongkai.opinion.OpinionLevel;
import cn.gongkai.opinion.OpinionRegister;
import cn.gongkai.workflow.FormFields;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.pvm.delegate.ActivityExecution;
import org.camunda.bpm.engine.task.IdentityLink;
import org.springframework.stereotype.Component;

/**
 * What each user task of a 舆情 case means for the register. On create: the current step, and the handler's
 * task due at its limit. On completion: the form's facts checked (a refusal is a Chinese 400 and completes
 * nothing), recorded with who recorded them when, and acted on. The case is the one registered for the process
 * instance; no variable can point a step at another case.
 */
@Component
class OpinionTaskListener implements TaskListener, ExecutionListener {

  static final String ASSESS = "Task_AssessOpinionEvent";
  static final String PUBLISH = "Task_PublishAuthoritativeInformation";
  static final String PRESS_CONFERENCE = "Task_HoldPressConference";
  static final String RELEASE = "Task_ReleaseFurtherInformation";
  static final String RESPOND = "Task_RespondToOpinion";
  static final String SUPERVISE = "Task_SuperviseLateOpinionResponse";
  static final String EVALUATE = "Task_EvaluateResponseEffect";
  static final String ACCOUNTABILITY = "Task_RecordAccountability";

  private final OpinionRegister register;
  private final OpinionClock clock;

  OpinionTaskListener(OpinionRegister register, OpinionClock clock) {
    this.register = register;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateTask task) {
    Optional<OpinionEvent> found = register.findByProcessInstance(task.getProcessInstanceId());
    if (found.isEmpty()) {
      return;
    }
    OpinionEvent e = found.get();
    String key = task.getTaskDefinitionKey();
    if (!SUPERVISE.equals(key)) {
      register.enterStep(e.id(), key, task.getName(), task.getCandidates().stream().map(IdentityLink::getGroupId)
          .filter(g -> g != null).findFirst().orElse(null));
    }
    switch (key) {
      case PUBLISH, RESPOND -> task.setDueDate(Date.from(e.responseDueAt().toInstant()));
      case PRESS_CONFERENCE -> task.setDueDate(Date.from(e.pressConferenceDueAt().toInstant()));
      case EVALUATE -> {
        // what the evaluator judges: the response time and lateness from the facts' moments
        task.setVariable(RESPONSE_TIME_TEXT, e.responseTime());
        task.setVariable(RESPONSE_LATE, e.late(OpinionClock.now()));
      }
      default -> { }
    }
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (((ActivityExecution) execution).isCanceled()) {
      return;
    }
    Optional<OpinionEvent> found = register.findByProcessInstance(execution.getProcessInstanceId());
    if (found.isEmpty()) {
      return;
    }
    OpinionEvent e = found.get();
    String actor = FormFields.actor(execution);
    OffsetDateTime now = OpinionClock.now();
    String key = execution.getCurrentActivityId();
    OffsetDateTime factAt = null;
    String decision = null;
    String comment = null;
    switch (key) {
      case ASSESS -> {
        OpinionLevel level = OpinionLevel.valueOf(OpinionFields.choice(execution, EVENT_LEVEL, "舆情级别",
            Set.of("MAJOR", "GENERAL")));
        String unit = OpinionFields.text(execution, RESPONSIBLE_UNIT, "责任单位", 200, true);
        OpinionClock.Deadlines d = clock.deadlines(level, e.firstSeenAt());
        register.assess(e.id(), level, unit, d, now, actor);
        execution.setVariable(RESPONSE_DUE_AT, Date.from(d.responseDue().toInstant()));
        execution.setVariable(RESPONSE_REMIND_AT, Date.from(d.responseRemind().toInstant()));
        execution.setVariable(RESPONSE_DUE_TEXT, OpinionClock.text(d.responseDue()));
        if (level == OpinionLevel.MAJOR) {
          execution.setVariable(RESPONSE_TARGET_TEXT, OpinionClock.text(d.responseTarget()));
          execution.setVariable(PRESS_CONFERENCE_DUE_AT, Date.from(d.pressConferenceDue().toInstant()));
          execution.setVariable(PRESS_CONFERENCE_REMIND_AT, Date.from(d.pressConferenceRemind().toInstant()));
          execution.setVariable(PRESS_CONFERENCE_DUE_TEXT, OpinionClock.text(d.pressConferenceDue()));
        }
        decision = level.name();
        comment = level.label() + "；责任单位：" + unit + "；回应期限 " + OpinionClock.text(d.responseDue());
      }
      case PUBLISH, RESPOND -> {
        String label = PUBLISH.equals(key) ? "首次发布权威信息" : "首次回应";
        factAt = OpinionFields.moment(execution, RESPONDED_ON, RESPONDED_TIME, label, e.firstSeenAt(), "首次发现时间");
        String url = OpinionFields.url(execution, RESPONSE_URL, "发布网址", true);
        register.recordFirstResponse(e.id(), factAt, url, now, actor);
        boolean late = factAt.isAfter(e.responseDueAt());
        decision = late ? "LATE" : "ON_TIME";
        comment = "用时 " + OpinionClock.hoursMinutes(e.firstSeenAt(), factAt) + (late ? "，超过期限" : "，在期限内");
      }
      case PRESS_CONFERENCE -> {
        factAt = OpinionFields.moment(execution, PRESS_CONFERENCE_ON, PRESS_CONFERENCE_TIME, "新闻发布会",
            e.firstSeenAt(), "首次发现时间");
        register.recordPressConference(e.id(), factAt, now, actor);
        boolean late = factAt.isAfter(e.pressConferenceDueAt());
        decision = late ? "LATE" : "ON_TIME";
        comment = "距首次发现 " + OpinionClock.hoursMinutes(e.firstSeenAt(), factAt);
      }
      case RELEASE -> {
        boolean concluded = OpinionFields.flag(execution, WORK_CONCLUDED);
        boolean released = FormFields.text(execution, RELEASED_ON) != null
            || FormFields.text(execution, RELEASED_TIME) != null;
        if (!released && !concluded) {
          throw new BadUserRequestException("请登记本次持续发布的信息，或确认处置工作已结束（" + RELEASED_ON + "）");
        }
        if (released) {
          factAt = OpinionFields.moment(execution, RELEASED_ON, RELEASED_TIME, "本次发布", e.firstSeenAt(),
              "首次发现时间");
          OpinionFields.url(execution, RELEASE_URL, "本次发布网址", true);
          register.recordRelease(e.id(), factAt);
        }
        execution.setVariable(WORK_CONCLUDED, concluded);
        // the next round starts with empty fields
        execution.setVariable(RELEASED_ON, null);
        execution.setVariable(RELEASED_TIME, null);
        execution.setVariable(RELEASE_URL, null);
        decision = concluded ? "CONCLUDED" : "RELEASED";
      }
      case SUPERVISE -> comment = OpinionFields.text(execution, SUPERVISION_COMMENT, "督办意见", 2000, true);
      case EVALUATE -> {
        String rating = OpinionFields.choice(execution, EFFECT_RATING, "回应效果", Set.of("GOOD", "FAIR", "POOR"));
        boolean adequate = "ADEQUATE".equals(OpinionFields.choice(execution, RESPONSE_ADEQUATE, "回应是否妥当",
            Set.of("ADEQUATE", "INADEQUATE")));
        comment = OpinionFields.text(execution, EVALUATION_COMMENT, "评估意见", 2000, !adequate);
        register.evaluate(e.id(), rating, adequate, comment, now, actor);
        // 问责 for a late response (from the facts' moments) or an inadequate one (楚政服发〔2018〕15号 4(3))
        boolean late = e.late(now);
        execution.setVariable(RESPONSE_LATE, late);
        execution.setVariable(ACCOUNTABILITY_REQUIRED, late || !adequate);
        decision = rating + (adequate ? "" : "/INADEQUATE") + (late ? "/LATE" : "");
      }
      case ACCOUNTABILITY -> {
        String measure = OpinionFields.choice(execution, ACCOUNTABILITY_MEASURE, "问责方式",
            Set.of("CRITICISM", "INTERVIEW"));
        String unit = OpinionFields.text(execution, ACCOUNTABLE_UNIT, "被问责单位", 200, true);
        String reason = OpinionFields.text(execution, ACCOUNTABILITY_REASON, "问责事由", 2000, true);
        LocalDate on = FormFields.date(execution, ACCOUNTABILITY_ON, "问责决定日期");
        LocalDate seen = e.firstSeenAt().toLocalDate();
        if (on.isBefore(seen)) {
          throw new BadUserRequestException("问责决定日期不能早于舆情首次发现日期（" + seen + "）（" + ACCOUNTABILITY_ON + "）");
        }
        register.recordAccountability(e.id(), measure, unit, reason, on, now, actor);
        factAt = on.atStartOfDay(OpinionClock.BEIJING).toOffsetDateTime();
        decision = measure;
        comment = unit + "：" + reason;
      }
      default -> { }
    }
    register.recordStep(e.id(), new OpinionRegister.Step(key, execution.getCurrentActivityName(), actor, now, factAt,
        decision, comment));
  }
}
