package cn.gongkai.report;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * The figures of the pre-2021 report format (the seeds' 2018 report), still recorded: new requests by
 * channel, replies of the year by timeliness, and information-processing fees collected.
 *
 * @param receivedByChannel requests received in the year, keyed by {@link ChannelGroup} and "TOTAL"
 * @param replied cases with {@code replied_on} in the year, keyed by {@link Timeliness} and "TOTAL"
 * @param feesCollected sum of {@code fee_amount} of cases whose {@code fee_paid_on} is in the year (yuan)
 * @param feeCases how many cases those fees came from
 */
public record OlderFormat(
    Map<String, Long> receivedByChannel, Map<String, Long> replied, BigDecimal feesCollected, long feeCases) {

  /** How the older format groups channels: the two postal channels count together as 信函. */
  public enum ChannelGroup {
    IN_PERSON("当面"),
    FAX("传真"),
    ONLINE("网络"),
    LETTER("信函");

    private final String label;

    ChannelGroup(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }

    /** The group of a register {@code channel}; empty for an unknown code. */
    public static Optional<ChannelGroup> ofChannel(String channel) {
      if (channel == null) {
        return Optional.empty();
      }
      return switch (channel) {
        case "SIGNED_POST", "ORDINARY_LETTER" -> Optional.of(LETTER);
        default -> Arrays.stream(values()).filter(g -> g != LETTER && g.name().equals(channel)).findFirst();
      };
    }
  }

  /**
   * Timeliness of a reply sent in the year, from its dates: OVERDUE when {@code replied_on} is after
   * {@code reply_due_on} (the deadline with pauses and extension, whatever a timer did); otherwise
   * AFTER_EXTENSION when an extension was granted ({@code extension_working_days} set, Art. 33), else ON_TIME.
   */
  public enum Timeliness {
    ON_TIME("按期答复"),
    AFTER_EXTENSION("延期答复"),
    OVERDUE("超期答复");

    private final String label;

    Timeliness(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }
}
