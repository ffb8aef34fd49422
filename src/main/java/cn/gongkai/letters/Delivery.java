package cn.gongkai.letters;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A recorded delivery of a document.
 *
 * @param deliveredOn the day the addressee received it (signed, sent by e-mail or online); may be unknown for post
 * @param postedOn for post, the day it was handed to China Post
 */
public record Delivery(
    long id,
    long documentId,
    DeliveryMethod method,
    LocalDate deliveredOn,
    LocalDate postedOn,
    OffsetDateTime recordedAt,
    String recordedBy) {

  /** The day that counts as the day of reply for the reply deadline: posting day for post, else delivery day. */
  @JsonProperty("replyDate")
  public LocalDate replyDate() {
    return method == DeliveryMethod.POST ? postedOn : deliveredOn;
  }
}
