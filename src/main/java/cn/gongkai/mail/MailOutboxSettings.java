package cn.gongkai.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code gongkai.mail.outbox}: how often every node looks for mail left undelivered ({@code poll-seconds}),
 * and how long a node's claim on a mail it is sending lasts before another node may send it
 * ({@code claim-seconds}; longer than the SMTP timeouts, {@code spring.mail.properties.mail.smtp.*timeout}).
 */
@ConfigurationProperties("gongkai.mail.outbox")
record MailOutboxSettings(@DefaultValue("10") int pollSeconds, @DefaultValue("120") int claimSeconds) {

  MailOutboxSettings {
    if (pollSeconds < 1 || claimSeconds < 5) {
      throw new IllegalArgumentException("gongkai.mail.outbox: poll-seconds >= 1 and claim-seconds >= 5");
    }
  }
}
