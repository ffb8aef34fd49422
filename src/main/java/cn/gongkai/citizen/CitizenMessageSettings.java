package cn.gongkai.citizen;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of 网民留言、咨询办理 ({@code gongkai.citizen-message.*}). The seeds (楚政服发〔2018〕15号 item 6) ask for a
 * 受理、转办和反馈机制 without numbers; the defaults are issue 17's.
 *
 * @param acceptWithinWorkingDays a message is accepted or refused within this many working days of receipt (1)
 * @param consultationAnswerWithinWorkingDays a consultation (咨询) is answered within this many working days of
 *     acceptance (5)
 * @param complaintAnswerWithinWorkingDays a complaint (投诉) is answered within this many (10)
 * @param otherAnswerWithinWorkingDays suggestions, requests for help and other messages (10, as complaints: the
 *     issue names no number for them)
 * @param extensionMaxWorkingDays the one extension a leader may approve is at most this long (10, as the
 *     complaint limit: the issue names no number)
 * @param caseNumberPattern case numbers: {@code YYYY} year, {@code N} sequence, {@code {agency}} short name
 */
@ConfigurationProperties("gongkai.citizen-message")
public record CitizenMessageSettings(Integer acceptWithinWorkingDays, Integer consultationAnswerWithinWorkingDays,
    Integer complaintAnswerWithinWorkingDays, Integer otherAnswerWithinWorkingDays, Integer extensionMaxWorkingDays,
    String caseNumberPattern) {

  public CitizenMessageSettings {
    acceptWithinWorkingDays = acceptWithinWorkingDays == null ? 1 : acceptWithinWorkingDays;
    consultationAnswerWithinWorkingDays = consultationAnswerWithinWorkingDays == null ? 5
        : consultationAnswerWithinWorkingDays;
    complaintAnswerWithinWorkingDays = complaintAnswerWithinWorkingDays == null ? 10
        : complaintAnswerWithinWorkingDays;
    otherAnswerWithinWorkingDays = otherAnswerWithinWorkingDays == null ? 10 : otherAnswerWithinWorkingDays;
    extensionMaxWorkingDays = extensionMaxWorkingDays == null ? 10 : extensionMaxWorkingDays;
    caseNumberPattern = caseNumberPattern == null || caseNumberPattern.isBlank() ? "留言〔YYYY〕第N号"
        : caseNumberPattern;
  }

  /** The answer limit in working days for a message of that type. */
  public int answerWithinWorkingDays(MessageType type) {
    return switch (type) {
      case CONSULTATION -> consultationAnswerWithinWorkingDays;
      case COMPLAINT -> complaintAnswerWithinWorkingDays;
      default -> otherAnswerWithinWorkingDays;
    };
  }
}
