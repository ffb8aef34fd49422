package cn.gongkai.imports;

import cn.gongkai.request.ExemptionCode;
import cn.gongkai.request.Outcome;
import cn.gongkai.request.RequestRegistration;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A closed case read from one row of an import file, checked: the request as registered, then its facts.
 *
 * @param repliedOn the day of reply, null for a case closed without one (deemed withdrawn)
 * @param closedOn the day the case was concluded (办结): the day of reply unless the row says otherwise
 * @param replyDueOn the reply deadline: the row's, else receipt + the statutory working days + extension
 */
record ImportedCase(
    int row,
    String sourceNumber,
    RequestRegistration request,
    Outcome outcome,
    ExemptionCode exemption,
    Integer extensionWorkingDays,
    boolean overdue,
    BigDecimal feeAmount,
    LocalDate feePaidOn,
    LocalDate repliedOn,
    LocalDate closedOn,
    LocalDate replyDueOn) {}
