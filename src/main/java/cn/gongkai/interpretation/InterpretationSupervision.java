package cn.gongkai.interpretation;

import cn.gongkai.calendar.Deadline;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What supervision (督办) sees of 三同步 cases: the open ones with their step, who works it and the
 * interpretation deadline, and the published pairs with whether the publication rule was met.
 */
@Component
public class InterpretationSupervision {

  public static final String PROCESS = PolicyVariables.PROCESS_KEY;

  private final PolicyRegister register;
  private final InterpretationClock clock;

  InterpretationSupervision(PolicyRegister register, InterpretationClock clock) {
    this.register = register;
    this.clock = clock;
  }

  /**
   * An open case as the supervision overview lists it. {@code receivedOn} is the day the pair was first
   * submitted; {@code dueOn} is the interpretation's publication deadline, null until the policy is published;
   * the 三同步 clock never pauses.
   */
  public record SupervisedCase(
      String caseNumber,
      String process,
      String title,
      String currentStep,
      String currentStepName,
      String candidateGroup,
      String assignee,
      LocalDate receivedOn,
      LocalDate dueOn,
      boolean provisional,
      boolean overdue,
      boolean paused,
      String processInstanceId) {}

  /** Every policy-interpretation case not yet archived, oldest first. */
  public List<SupervisedCase> openCases() {
    return register.open().stream()
        .map(c -> new SupervisedCase(c.caseNumber(), PROCESS, c.title(), c.currentStep(), c.currentStepName(),
            c.currentGroup(), c.currentAssignee(), c.submittedOn(), c.interpretationDueOn(),
            c.interpretationDueProvisional(), c.overdue(), false, c.processInstanceId()))
        .toList();
  }

  /**
   * A published policy and its interpretation: both publication dates, the working days between them
   * (the policy's day not counted), the limit that applied, the deadline and whether the rule was met.
   */
  public record PublishedPair(
      String caseNumber,
      String title,
      String documentNumber,
      String draftingDepartment,
      LocalDate policyPublishedOn,
      String policyUrl,
      String policyGazette,
      LocalDate interpretationPublishedOn,
      String interpretationUrl,
      int workingDaysBetween,
      int limitWorkingDays,
      LocalDate interpretationDueOn,
      boolean provisional,
      boolean ruleMet) {}

  /** Every published pair, most recent policy first; counted on today's calendar. */
  public List<PublishedPair> publishedPairs() {
    return register.published().stream().map(this::pair).toList();
  }

  PublishedPair pair(PolicyCase c) {
    int limit = c.publishWithinWorkingDays() == null ? clock.limit() : c.publishWithinWorkingDays();
    Deadline deadline = clock.interpretationDeadline(c.policyPublishedOn(), limit);
    return new PublishedPair(c.caseNumber(), c.title(), c.documentNumber(), c.draftingDepartment(),
        c.policyPublishedOn(), c.policyUrl(), c.policyGazette(), c.interpretationPublishedOn(), c.interpretationUrl(),
        clock.workingDaysBetween(c.policyPublishedOn(), c.interpretationPublishedOn()), limit, deadline.due(),
        deadline.provisional(), !c.interpretationPublishedOn().isAfter(deadline.due()));
  }
}
