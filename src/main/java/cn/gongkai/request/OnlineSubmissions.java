package cn.gongkai.request;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * Requests submitted online and waiting for intake's confirmation (条例第三十一条: the date of receipt of an
 * online request is the day both sides confirm it). The applicant portal keeps them; the disclosure process
 * reads them by its process instance, never by a variable.
 */
public interface OnlineSubmissions {

  /** The process variable naming the submission an online request's process instance was started for. */
  String SUBMISSION_NUMBER = "submissionNumber";

  /** The submission that process instance was started for, while it waits for confirmation. */
  Optional<PendingSubmission> pending(String processInstanceId);

  /** Intake accepted it: the case is registered and received on {@code receivedOn}. */
  void accepted(String processInstanceId, long caseId, LocalDate receivedOn);

  /** Intake found it is not a request (不作为政府信息公开申请处理), for that reason, on that day. */
  void refused(String processInstanceId, String reason, LocalDate refusedOn);

  /**
   * A submission waiting for confirmation.
   *
   * @param fields the request's fields under the names of {@code POST /api/requests}, without channel and
   *     date of receipt
   */
  record PendingSubmission(String submissionNumber, String agencyCode, LocalDate submittedOn,
      Map<String, Object> fields) {}
}
