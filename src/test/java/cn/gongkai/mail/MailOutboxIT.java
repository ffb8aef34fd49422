package cn.gongkai.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A mail leaves once its transaction commits and only then (issue 15: a step's mail must not be sent twice when
 * its job is retried or its node dies), against a real SMTP server.
 */
@SpringBootTest
@ActiveProfiles("test")
class MailOutboxIT {

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(3025, null, ServerSetup.PROTOCOL_SMTP))
      .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());

  @Autowired MailOutbox outbox;
  @Autowired TransactionTemplate transactions;
  @Autowired JdbcClient jdbc;

  @Test
  void sendsNothingWhenTheStepsTransactionRollsBack() {
    // given a step that enqueues its mail and then fails (a job that will be retried)
    String key = key();
    transactions.executeWithoutResult(status -> {
      outbox.enqueue(key, "gongkai@localhost", List.of("handler@gongkai.local"), "提醒", "正文");
      status.setRollbackOnly();
    });

    // when the outbox is polled
    outbox.deliverPending();

    // then no mail left and nothing is waiting
    assertThat(smtp.getReceivedMessages()).isEmpty();
    assertThat(rows(key)).isZero();
  }

  @Test
  void sendsOnceAfterCommitAndNotAgainForTheSameKey() throws Exception {
    // given a step that enqueued its mail and committed
    String key = key();
    transactions.executeWithoutResult(status -> assertThat(outbox.enqueue(key, "gongkai@localhost",
        List.of("handler@gongkai.local"), "【即将到期】提醒", "正文")).isTrue());
    awaitSent(key);

    // when the same mail is enqueued again (the step run a second time) and the outbox is polled
    boolean again = transactions.execute(status -> outbox.enqueue(key, "gongkai@localhost",
        List.of("handler@gongkai.local"), "【即将到期】提醒", "正文"));
    outbox.deliverPending();

    // then the mail left once, right after the commit, and is marked sent
    assertThat(again).isFalse();
    assertThat(smtp.getReceivedMessages()).hasSize(1);
    assertThat(smtp.getReceivedMessages()[0].getSubject()).isEqualTo("【即将到期】提醒");
    assertThat(jdbc.sql("SELECT COUNT(*) FROM gk_mail_outbox WHERE dedup_key = ? AND sent_at IS NOT NULL")
        .param(key).query(Integer.class).single()).isEqualTo(1);
  }

  @Test
  void aNodesCommittedButUnsentMailIsSentByThePollOnceItsClaimExpires() {
    // given a mail committed by a node that died before sending it, and one a live node is sending now
    String orphan = key();
    String claimed = key();
    insertUnsent(orphan, null);
    insertUnsent(claimed, OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(1));

    // when this node polls twice
    outbox.deliverPending();
    outbox.deliverPending();

    // then the orphan left once, the one claimed by the other node not at all
    assertThat(smtp.getReceivedMessages()).extracting(m -> subject(m)).containsExactly(orphan);

    // and once that claim has expired (its node died mid-send), the poll sends it
    jdbc.sql("UPDATE gk_mail_outbox SET claimed_until = ? WHERE dedup_key = ?")
        .params(OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1), claimed).update();
    outbox.deliverPending();
    assertThat(smtp.getReceivedMessages()).extracting(m -> subject(m)).containsExactly(orphan, claimed);
  }

  @Test
  void aMailSentAgainAfterItsNodeDiedMidSendKeepsItsMessageId() throws Exception {
    // given a mail sent, whose node died before recording it as sent (its claim has since expired)
    String key = key();
    transactions.executeWithoutResult(status -> outbox.enqueue(key, "gongkai@chuxiong.example",
        List.of("handler@gongkai.local"), key, "正文"));
    awaitSent(key);
    jdbc.sql("UPDATE gk_mail_outbox SET sent_at = NULL, claimed_until = ? WHERE dedup_key = ?")
        .params(OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1), key).update();

    // when another node's poll finds it
    outbox.deliverPending();

    // then it goes out again (at least once), as the same mail: same Message-ID, of this installation's domain
    assertThat(smtp.getReceivedMessages()).hasSize(2);
    String first = smtp.getReceivedMessages()[0].getMessageID();
    assertThat(smtp.getReceivedMessages()[1].getMessageID()).isEqualTo(first);
    assertThat(first).startsWith("<gongkai.").endsWith("@chuxiong.example>");
  }

  /** Waits for the delivery after commit, which runs on the outbox's own threads. */
  private void awaitSent(String key) throws InterruptedException {
    String sent = "SELECT COUNT(*) FROM gk_mail_outbox WHERE dedup_key = ? AND sent_at IS NOT NULL";
    for (int i = 0; i < 100 && jdbc.sql(sent).param(key).query(Integer.class).single() == 0; i++) {
      Thread.sleep(100);
    }
    assertThat(jdbc.sql(sent).param(key).query(Integer.class).single()).as("sent after commit").isEqualTo(1);
  }

  private void insertUnsent(String key, OffsetDateTime claimedUntil) {
    jdbc.sql("INSERT INTO gk_mail_outbox (dedup_key, mail_from, recipients, subject, body, created_at, attempts,"
            + " claimed_by, claimed_until) VALUES (?, 'gongkai@localhost', 'handler@gongkai.local', ?, '正文', ?, ?, ?, ?)")
        .params(key, key, OffsetDateTime.now(ZoneOffset.UTC), claimedUntil == null ? 0 : 1,
            claimedUntil == null ? null : "other-node", claimedUntil)
        .update();
  }

  private static String subject(jakarta.mail.internet.MimeMessage message) {
    try {
      return message.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private int rows(String key) {
    return jdbc.sql("SELECT COUNT(*) FROM gk_mail_outbox WHERE dedup_key = ?").param(key).query(Integer.class).single();
  }

  private static String key() {
    return "test:" + UUID.randomUUID();
  }
}
