package cn.gongkai.portal;

import cn.gongkai.letters.LetterKind;
import cn.gongkai.letters.StoredDocument;
import cn.gongkai.request.CaseRegister;
import cn.gongkai.request.DisclosureCase;
import java.time.OffsetDateTime;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Mail to applicants through an outbox (gk_portal_mail): a mail is written in the transaction of the fact
 * it announces, once per fact (unique key), and sent afterwards, retried with growing pauses until the
 * server takes it. The body holds only a link to the portal (and, for the submission, the 查询码 the
 * applicant needs to use it), never a letter's content or personal data; a sent mail's body is erased.
 */
@Component
class PortalMail {

  private static final Logger log = LoggerFactory.getLogger(PortalMail.class);
  /** A claimed mail whose sender died is tried again after this long. */
  private static final int CLAIM_SECONDS = 300;

  private final JdbcClient jdbc;
  private final ObjectProvider<JavaMailSender> mailSender;
  private final PortalSettings settings;
  private final SubmissionStore store;
  private final CaseRegister register;
  private final ApplicantLetters letters;
  private final TransactionTemplate transaction;

  PortalMail(JdbcClient jdbc, ObjectProvider<JavaMailSender> mailSender, PortalSettings settings,
      SubmissionStore store, CaseRegister register, ApplicantLetters letters, TransactionTemplate transaction) {
    this.jdbc = jdbc;
    this.mailSender = mailSender;
    this.settings = settings;
    this.store = store;
    this.register = register;
    this.letters = letters;
    this.transaction = transaction;
  }

  /** The portal page where the applicant follows that submission (the code is typed, never in a link). */
  String trackLink(String submissionNumber) {
    return settings.baseUrl().replaceAll("/+$", "") + "/portal/track.html?n=" + submissionNumber;
  }

  /** Queues a mail for that fact in the caller's transaction, unless it was queued before or there is no address. */
  void enqueue(Submission s, String factKey, String subject, String body) {
    if (s.email() == null) {
      return;
    }
    boolean queued = jdbc.sql("SELECT COUNT(*) FROM gk_portal_mail WHERE submission_id = ? AND fact_key = ?")
        .params(s.id(), factKey).query(Long.class).single() > 0;
    if (queued) {
      return;
    }
    OffsetDateTime now = PortalRequests.now();
    jdbc.sql("INSERT INTO gk_portal_mail (submission_id, fact_key, subject, body, created_at, next_attempt_at)"
            + " VALUES (?, ?, ?, ?, ?, ?)")
        .params(s.id(), factKey, subject, body, now, now)
        .update();
  }

  void submitted(Submission s, String queryCode) {
    enqueue(s, "SUBMITTED", "【政府信息公开】网上申请已提交：" + s.submissionNumber(),
        "您的政府信息公开申请已网上提交。\n申请编号：" + s.submissionNumber() + "\n查询码：" + queryCode
            + "\n请妥善保管查询码，凭申请编号和查询码查询办理进度：" + trackLink(s.submissionNumber())
            + "\n工作人员将与您确认申请，双方确认之日为收到申请之日。");
  }

  void refused(Submission s) {
    enqueue(s, "REFUSED", "【政府信息公开】网上申请确认结果：" + s.submissionNumber(),
        "您网上提交的申请 " + s.submissionNumber() + " 未作为政府信息公开申请受理，理由请凭查询码查看："
            + trackLink(s.submissionNumber()));
  }

  /** Queues one mail for each letter issued to an applicant who gave an e-mail address and has none yet. */
  @Scheduled(initialDelayString = "${gongkai.portal.mail.scan-delay-ms:30000}",
      fixedDelayString = "${gongkai.portal.mail.scan-delay-ms:30000}")
  void scanLetters() {
    List<Submission> withMail = jdbc.sql("SELECT s.id FROM gk_portal_submission s JOIN gk_disclosure_case c"
            + " ON c.id = s.case_id WHERE s.email IS NOT NULL AND (c.archived_at IS NULL OR c.archived_at > ?)")
        .param(PortalRequests.now().minusDays(30))
        .query(Long.class).list().stream().map(store::get).toList();
    for (Submission s : withMail) {
      DisclosureCase c = register.get(s.caseId());
      for (StoredDocument d : letters.of(c)) {
        try {
          transaction.executeWithoutResult(status -> enqueue(s, "LETTER:" + d.id(),
              "【政府信息公开】您的申请有新文书：" + d.kind().title(), letterBody(s, c, d)));
        } catch (org.springframework.dao.DataIntegrityViolationException queuedMeanwhile) {
          // another scan queued it first: the unique key keeps it at one mail
        }
      }
    }
  }

  private String letterBody(Submission s, DisclosureCase c, StoredDocument d) {
    String receipt = d.kind() == LetterKind.RECEIPT
        ? "您的申请已受理，案件编号 " + c.caseNumber() + "，收到申请之日为 " + c.receivedOn() + "。\n" : "";
    return receipt + "您的政府信息公开申请（申请编号 " + s.submissionNumber() + "）有一份新文书："
        + d.kind().title() + "。\n请凭查询码在以下页面查看和下载：" + trackLink(s.submissionNumber());
  }

  /** Sends what is due; a failure is logged and retried later, a success is recorded once. */
  @Scheduled(initialDelayString = "${gongkai.portal.mail.send-delay-ms:10000}",
      fixedDelayString = "${gongkai.portal.mail.send-delay-ms:10000}")
  void sendPending() {
    JavaMailSender sender = mailSender.getIfAvailable();
    if (sender == null) {
      return;
    }
    OffsetDateTime now = PortalRequests.now();
    List<Long> due = jdbc.sql("SELECT id FROM gk_portal_mail WHERE sent_at IS NULL AND next_attempt_at <= ?"
            + " ORDER BY id")
        .param(now).query(Long.class).list();
    for (long id : due) {
      // claim: only the caller whose update wins sends (several instances, or a slow previous run)
      int claimed = jdbc.sql("UPDATE gk_portal_mail SET attempts = attempts + 1, next_attempt_at = ?"
              + " WHERE id = ? AND sent_at IS NULL AND next_attempt_at <= ?")
          .params(now.plusSeconds(CLAIM_SECONDS), id, now).update();
      if (claimed == 0) {
        continue;
      }
      var mail = jdbc.sql("SELECT m.subject, m.body, m.attempts, s.email FROM gk_portal_mail m"
              + " JOIN gk_portal_submission s ON s.id = m.submission_id WHERE m.id = ?")
          .param(id)
          .query((rs, n) -> new Object[] {rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4)})
          .single();
      SimpleMailMessage message = new SimpleMailMessage();
      message.setFrom(settings.mailFrom());
      message.setTo((String) mail[3]);
      message.setSubject((String) mail[0]);
      message.setText((String) mail[1]);
      try {
        sender.send(message);
        jdbc.sql("UPDATE gk_portal_mail SET sent_at = ?, body = '', last_error = NULL WHERE id = ?")
            .params(PortalRequests.now(), id).update();
      } catch (MailException e) {
        int attempts = (Integer) mail[2];
        long pause = Math.min(3600, 30L << Math.min(attempts, 7));
        String error = String.valueOf(e.getMessage());
        jdbc.sql("UPDATE gk_portal_mail SET next_attempt_at = ?, last_error = ? WHERE id = ?")
            .params(PortalRequests.now().plusSeconds(pause),
                error.length() > 500 ? error.substring(0, 500) : error, id)
            .update();
        // the SMTP error can name the applicant's address: it stays in last_error, out of the log
        log.warn("Portal mail {} not sent (attempt {}), retried in {} s (see gk_portal_mail.last_error)", id,
            attempts, pause);
      }
    }
  }
}
