package cn.gongkai.casestudy.internal;

import cn.gongkai.calendar.CalendarYearLoaded;
import cn.gongkai.calendar.Deadline;
import cn.gongkai.casestudy.CaseStudy;
import cn.gongkai.casestudy.CaseStudyClock;
import cn.gongkai.casestudy.CaseStudyRegister;
import cn.gongkai.casestudy.CaseStudyVariables;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A holiday year was loaded: every running review deadline is computed again from its submission day; the
 * register, the variables, the reminder and overdue timers and the review task's due date move with it.
 */
@Component
class ReviewDeadlines {

  private static final Set<String> TIMERS = Set.of("BoundaryEvent_ReviewReminderDue",
      "BoundaryEvent_ReviewDeadlinePassed");

  private final CaseStudyRegister register;
  private final CaseStudyClock clock;
  private final RuntimeService runtime;
  private final ManagementService management;
  private final TaskService tasks;

  ReviewDeadlines(CaseStudyRegister register, CaseStudyClock clock, RuntimeService runtime,
      ManagementService management, TaskService tasks) {
    this.register = register;
    this.clock = clock;
    this.runtime = runtime;
    this.management = management;
    this.tasks = tasks;
  }

  @EventListener
  void onCalendarYearLoaded(CalendarYearLoaded event) {
    for (CaseStudy c : register.underReview()) {
      if (c.submittedOn() == null || c.processInstanceId() == null) {
        continue;
      }
      Deadline deadline = clock.reviewDeadline(c.submittedOn());
      if (deadline.due().equals(c.reviewDueOn()) && deadline.provisional() == c.reviewDueProvisional()) {
        continue;
      }
      register.moveReviewDue(c.id(), deadline.due(), deadline.provisional());
      register.recordEvent(c.id(), new CaseStudyRegister.Event("ReviewDeadlineRecomputed", "审核期限重新计算", null,
          CaseStudyClock.now(), c.reviewDueOn() + " → " + deadline.due(), event.year() + "年节假日安排更新"));
      String instance = c.processInstanceId();
      runtime.setVariable(instance, CaseStudyVariables.REVIEW_DUE_ON, deadline.due().toString());
      runtime.setVariable(instance, CaseStudyVariables.REVIEW_REMIND_AT, clock.remindAt(deadline.due()));
      runtime.setVariable(instance, CaseStudyVariables.REVIEW_OVERDUE_AT, clock.endOf(deadline.due()));
      for (Job job : management.createJobQuery().processInstanceId(instance).timers().list()) {
        String activity = management.createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId())
            .singleResult().getActivityId();
        if (TIMERS.contains(activity)) {
          management.setJobDuedate(job.getId(), activity.equals("BoundaryEvent_ReviewReminderDue")
              ? clock.remindAt(deadline.due()) : clock.endOf(deadline.due()));
        }
      }
      for (Task task : tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey(CaseStudySteps.REVIEW)
          .list()) {
        task.setDueDate(clock.taskDue(deadline.due()));
        tasks.saveTask(task);
      }
    }
  }
}
