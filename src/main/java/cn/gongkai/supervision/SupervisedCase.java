package cn.gongkai.supervision;

import java.time.LocalDate;

/**
 * One open case as a {@link SupervisedCaseSource} reports it; the overview adds the state, the working
 * days left and who holds the case's open tasks.
 *
 * @param caseNumber the case's number (the process instance's business key)
 * @param processInstanceId the Camunda process instance, or null if none is linked
 * @param currentStepName where the case waits, in Chinese
 * @param receivedOn date of receipt (or of the submission that started the clock)
 * @param dueOn the current deadline, or null while no clock runs
 * @param provisional whether the deadline reaches into a year with unpublished holidays
 * @param pausedSince the day the clock stopped, or null while it runs
 * @param pauseReason why it stopped (a code), or null
 * @param pauseReasonLabel why it stopped, in Chinese, or null
 * @param doneOn the day the awaited act happened (the reply, the interpretation published), or null
 * @param lateWithinTheDay late by a clock counted in hours (舆情回应) although the dates alone do not show it
 */
public record SupervisedCase(
    String caseNumber,
    String processInstanceId,
    String currentStepName,
    LocalDate receivedOn,
    LocalDate dueOn,
    boolean provisional,
    LocalDate pausedSince,
    String pauseReason,
    String pauseReasonLabel,
    LocalDate doneOn,
    boolean lateWithinTheDay) {

  /** A case whose clock counts days: its state follows from the dates. */
  public SupervisedCase(String caseNumber, String processInstanceId, String currentStepName, LocalDate receivedOn,
      LocalDate dueOn, boolean provisional, LocalDate pausedSince, String pauseReason, String pauseReasonLabel,
      LocalDate doneOn) {
    this(caseNumber, processInstanceId, currentStepName, receivedOn, dueOn, provisional, pausedSince, pauseReason,
        pauseReasonLabel, doneOn, false);
  }

  /** This case's state in that window (see {@link SupervisionState}). */
  public SupervisionState state(SupervisionWindow window) {
    return lateWithinTheDay ? SupervisionState.OVERDUE
        : SupervisionState.of(doneOn, dueOn, pausedSince, provisional, window);
  }
}
