package cn.gongkai.mail;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Mail that leaves only when the transaction deciding to send it commits (table {@code gk_mail_outbox}).
 * A process step enqueues inside its job's transaction; after commit this node delivers at once; a mail
 * left behind (node killed after commit, SMTP down) is delivered by whichever node polls first. Each
 * delivery is claimed with a conditional update, so two nodes never send the same row at the same time. A
 * node killed between the SMTP server's acceptance and the {@code sent_at} update leaves a mail that another
 * node sends again once the claim expires: at least once, never lost; the repeat carries the same
 * Message-ID, so that mail systems and readers can tell it is the same mail.
 *
 * <p>The delivery after commit runs on this outbox's own two threads, not on the committing one: a deadline
 * job's thread (the job executor's) goes on to the next job instead of waiting for the SMTP server. When those
 * threads are behind by more than {@value #QUEUED} mails, the rest wait in the table for the next poll.
 */
@Service
public class MailOutbox implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(MailOutbox.class);
  /** After this many failed attempts a mail is given up (logged as an error, kept in the table). */
  static final int MAX_ATTEMPTS = 10;
  /** Mails waiting for the after-commit threads; more wait in the table for the poll. */
  static final int QUEUED = 1_000;

  private final JdbcClient jdbc;
  private final ObjectProvider<JavaMailSender> mailSender;
  private final TransactionTemplate separately;
  private final Duration claim;
  private final String node;
  private final ThreadPoolExecutor afterCommit = new ThreadPoolExecutor(2, 2, 0, TimeUnit.MILLISECONDS,
      new ArrayBlockingQueue<>(QUEUED), runnable -> {
        Thread thread = new Thread(runnable, "gongkai-mail-outbox");
        thread.setDaemon(true);
        return thread;
      }, new ThreadPoolExecutor.DiscardPolicy());

  MailOutbox(JdbcClient jdbc, ObjectProvider<JavaMailSender> mailSender, PlatformTransactionManager transactions,
      MailOutboxSettings settings) {
    this.jdbc = jdbc;
    this.mailSender = mailSender;
    this.separately = new TransactionTemplate(transactions);
    // after commit the finished transaction's connection is still bound to the thread: use a new one
    this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.claim = Duration.ofSeconds(settings.claimSeconds());
    this.node = ManagementFactory.getRuntimeMXBean().getName();
  }

  /** Whether an SMTP server is configured ({@code spring.mail.host}); without one nothing is enqueued. */
  public boolean configured() {
    return mailSender.getIfAvailable() != null;
  }

  /**
   * Enqueues a plain-text mail in the caller's transaction, delivered after it commits; false (and nothing
   * enqueued) if a mail with this {@code key} was enqueued before, e.g. by an earlier run of the same step.
   */
  public boolean enqueue(String key, String from, List<String> to, String subject, String text) {
    if (to.isEmpty()) {
      throw new IllegalArgumentException("no recipient");
    }
    boolean known = jdbc.sql("SELECT COUNT(*) FROM gk_mail_outbox WHERE dedup_key = ?").param(key)
        .query(Integer.class).single() > 0;
    if (known) {
      return false;
    }
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("INSERT INTO gk_mail_outbox (dedup_key, mail_from, recipients, subject, body, created_at)"
            + " VALUES (?, ?, ?, ?, ?, ?)")
        .params(key, from, String.join(",", to), subject, text, now())
        .update(keys, "id");
    long id = keys.getKeyAs(Number.class).longValue();
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          // discarded when the queue is full: the row stays unsent and the next poll delivers it
          afterCommit.execute(() -> deliver(id));
        }
      });
    } else {
      deliver(id);
    }
    return true;
  }

  /** Stops the after-commit threads; what they had not sent stays in the table for the next poll. */
  @Override
  public void destroy() throws InterruptedException {
    // the queued mails are dropped (their rows stay unsent); a send under way may finish, so that it is marked
    // sent and not repeated by the next poll
    afterCommit.getQueue().clear();
    afterCommit.shutdown();
    if (!afterCommit.awaitTermination(10, TimeUnit.SECONDS)) {
      afterCommit.shutdownNow();
    }
  }

  /** Delivers what is due: never sent, not claimed by a live delivery, not given up. */
  @Scheduled(initialDelayString = "${gongkai.mail.outbox.poll-seconds:10}",
      fixedDelayString = "${gongkai.mail.outbox.poll-seconds:10}", timeUnit = TimeUnit.SECONDS)
  void deliverPending() {
    if (!configured()) {
      return;
    }
    List<Long> due = jdbc.sql("SELECT id FROM gk_mail_outbox WHERE sent_at IS NULL AND attempts < ?"
            + " AND (claimed_until IS NULL OR claimed_until < ?) ORDER BY id")
        .params(MAX_ATTEMPTS, now())
        .query(Long.class).list();
    for (long id : due) {
      deliver(id);
    }
  }

  /** Sends one row if this node wins its claim; a failure is recorded and retried later. */
  void deliver(long id) {
    JavaMailSender sender = mailSender.getIfAvailable();
    if (sender == null) {
      return;
    }
    try {
      Optional<Outgoing> claimed = separately.execute(status -> claim(id));
      if (claimed.isEmpty()) {
        return;
      }
      try {
        sender.send(claimed.get().toMime(sender));
      } catch (MailException e) {
        failed(id, e.getMessage());
        return;
      } catch (MessagingException e) {
        failed(id, "邮件内容无效：" + e.getMessage());
        return;
      }
      separately.executeWithoutResult(status -> jdbc.sql(
              "UPDATE gk_mail_outbox SET sent_at = ?, claimed_until = NULL, last_error = NULL WHERE id = ?")
          .params(now(), id).update());
    } catch (RuntimeException e) {
      // the database is away: the row stays and a later poll delivers it
      log.warn("Mail {} not delivered now: {}", id, e.getMessage());
    }
  }

  private Optional<Outgoing> claim(long id) {
    OffsetDateTime now = now();
    int won = jdbc.sql("UPDATE gk_mail_outbox SET claimed_by = ?, claimed_until = ?, attempts = attempts + 1"
            + " WHERE id = ? AND sent_at IS NULL AND attempts < ? AND (claimed_until IS NULL OR claimed_until < ?)")
        .params(node, now.plus(claim), id, MAX_ATTEMPTS, now)
        .update();
    if (won == 0) {
      return Optional.empty();
    }
    return jdbc.sql("SELECT dedup_key, mail_from, recipients, subject, body FROM gk_mail_outbox WHERE id = ?")
        .param(id)
        .query((rs, n) -> new Outgoing(id, rs.getString(1), rs.getString(2), rs.getString(3).split(","),
            rs.getString(4), rs.getString(5)))
        .optional();
  }

  /** A claimed row, to be sent. */
  private record Outgoing(long id, String key, String from, String[] to, String subject, String text) {

    /**
     * The same Message-ID at every attempt: a mail sent again because its node died between the SMTP server's
     * acceptance and the {@code sent_at} update is recognisably the same mail (mail systems drop such repeats).
     */
    String messageId() {
      String domain = from.contains("@") ? from.substring(from.indexOf('@') + 1) : "gongkai.local";
      String digest = HexFormat.of().formatHex(sha256(key)).substring(0, 16);
      return "<gongkai." + id + "." + digest + "@" + domain + ">";
    }

    MimeMessage toMime(JavaMailSender sender) throws MessagingException {
      String messageId = messageId();
      MimeMessage message = new MimeMessage(sender.createMimeMessage().getSession()) {
        @Override
        protected void updateMessageID() throws MessagingException {
          setHeader("Message-ID", messageId);
        }
      };
      // set directly, not through Spring's MimeMessageHelper: on a message of our own class the helper parses
      // Spring's whole mime.types table again for every mail (a tenth of a timer drain's CPU in a recording)
      message.setFrom(address(from));
      InternetAddress[] recipients = new InternetAddress[to.length];
      for (int i = 0; i < to.length; i++) {
        recipients[i] = address(to[i]);
      }
      message.setRecipients(Message.RecipientType.TO, recipients);
      message.setSubject(subject, StandardCharsets.UTF_8.name());
      message.setText(text, StandardCharsets.UTF_8.name());
      return message;
    }

    private static InternetAddress address(String text) throws AddressException {
      InternetAddress[] parsed = InternetAddress.parse(text, false);
      if (parsed.length != 1) {
        throw new AddressException("应为一个邮件地址", text);
      }
      return parsed[0];
    }

    private static byte[] sha256(String text) {
      try {
        return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private void failed(long id, String error) {
    int attempts = jdbc.sql("SELECT attempts FROM gk_mail_outbox WHERE id = ?").param(id).query(Integer.class)
        .single();
    // retried after 1, 2, 4, ... minutes (at most an hour)
    Duration wait = Duration.ofMinutes(Math.min(60, 1L << Math.min(attempts - 1, 6)));
    separately.executeWithoutResult(status -> jdbc.sql(
            "UPDATE gk_mail_outbox SET claimed_until = ?, last_error = ? WHERE id = ?")
        .params(now().plus(wait), abbreviate(String.valueOf(error)), id).update());
    if (attempts >= MAX_ATTEMPTS) {
      // the SMTP error can name the recipient's address: it stays in last_error, out of the log
      log.error("Mail {} given up after {} attempts (see gk_mail_outbox.last_error)", id, attempts);
    } else {
      log.warn("Mail {} failed (attempt {}), retried in {} (see gk_mail_outbox.last_error)", id, attempts, wait);
    }
  }

  private static String abbreviate(String message) {
    return message.length() <= 2000 ? message : message.substring(0, 2000);
  }

  private static OffsetDateTime now() {
    return OffsetDateTime.now(ZoneOffset.UTC);
  }
}
