package cn.gongkai.request;

import java.time.LocalDate;

/**
 * 查询码 for requests registered at the desk (start form or {@code POST /api/requests}): the applicant
 * follows the case on the portal with its case number and this code. The applicant portal keeps the code,
 * only as a salted hash; the plaintext is returned once, to be shown to the registering clerk.
 */
public interface CaseQueryCodes {

  /** Issues the code of a case just registered by staff; returns its plaintext, which is stored nowhere. */
  String issue(long caseId, String processInstanceId, String agencyCode, LocalDate receivedOn);
}
