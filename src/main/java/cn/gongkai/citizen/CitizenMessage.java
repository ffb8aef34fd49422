package cn.gongkai.citizen;

import java.time.LocalDate;

/** One citizen's message as the register holds it; the contact fields are personal data. */
public record CitizenMessage(
    long id,
    String agencyCode,
    String caseNumber,
    String processInstanceId,
    MessageChannel channel,
    LocalDate receivedOn,
    MessageType messageType,
    String subject,
    String content,
    boolean publicationAgreed,
    String citizenName,
    String citizenPhone,
    String citizenEmail,
    LocalDate acceptDueOn,
    LocalDate acceptedOn,
    LocalDate refusedOn,
    String refusalReason,
    String responsibleDepartment,
    LocalDate transferredOn,
    int transferCount,
    int returnCount,
    String lastReturnReason,
    Integer answerLimitWorkingDays,
    LocalDate answerDueOn,
    boolean answerDueProvisional,
    Integer extensionWorkingDays,
    LocalDate extensionApprovedOn,
    String extensionReason,
    LocalDate answeredOn,
    String answerText,
    LocalDate reviewedOn,
    LocalDate feedbackOn,
    String feedbackMethod,
    LocalDate publishedOn,
    String publishedUrl,
    LocalDate clockDueOn,
    LocalDate clockDoneOn,
    String status,
    String outcome,
    String currentStep,
    String currentStepName,
    String currentGroup,
    boolean overdue) {

  /** Whether an extension was asked for already (only one per message). */
  public boolean extensionRequested() {
    return extensionReason != null;
  }
}
