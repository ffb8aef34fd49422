package cn.gongkai.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each role's form shows, read-only, what that role decides on (issue 12, "Forms"). */
class RoleFormsTest {

  static Map<String, JsonNode> fields(String form) throws Exception {
    JsonNode root = new ObjectMapper().readTree(Path.of("forms", form + ".form").toFile());
    Map<String, JsonNode> byKey = new HashMap<>();
    for (JsonNode c : root.path("components")) {
      if (c.hasNonNull("key")) {
        byKey.put(c.get("key").asText(), c);
      }
    }
    return byKey;
  }

  static void assertReadOnly(String form, String... keys) throws Exception {
    Map<String, JsonNode> fields = fields(form);
    for (String key : keys) {
      assertThat(fields).as(form + " shows " + key).containsKey(key);
      JsonNode f = fields.get(key);
      assertThat(f.path("disabled").asBoolean() || f.path("readonly").asBoolean())
          .as(form + ": " + key + " is read-only").isTrue();
    }
  }

  @Test
  void onlineConfirmationShowsTheSubmissionAndAsksForTheDayBothSidesConfirmed() throws Exception {
    assertReadOnly("confirm-online-request", "submissionNumber", "submittedOn", "applicantNameMasked", "description");
    Map<String, JsonNode> fields = fields("confirm-online-request");
    assertThat(fields.get("onlineRequestDecision").path("validate").path("required").asBoolean()).isTrue();
    assertThat(fields.get("receivedOn").path("type").asText()).isEqualTo("datetime");
    assertThat(fields.get("refusalReason").path("disabled").asBoolean()).isFalse();
    // personal data stays with the submission: the form links to the ID proof, never carries it
    assertThat(fields).doesNotContainKeys("applicantName", "idNumber", "phone", "email", "address");
  }

  @Test
  void screeningShowsTheApplicantChannelReceiptDateAndRequest() throws Exception {
    assertReadOnly("screen-request", "applicantNameMasked", "applicantType", "channel", "receivedOn", "description");
    // personal data never reaches a form: it stays in the register
    assertThat(fields("screen-request")).doesNotContainKeys("applicantName", "idNumber", "phone");
  }

  @Test
  void reviewsShowTheRequestTheDecisionItsReasonsAndTheGuidance() throws Exception {
    for (String form : new String[] {"secrecy-review", "legal-review"}) {
      assertReadOnly(form, "description", "outcome", "decisionReason", "provisionGuidance");
    }
  }

  @Test
  void signOffShowsTheSecrecyAndLegalReviewResults() throws Exception {
    assertReadOnly("sign-off-reply", "secrecyReviewResult", "secrecyReviewComment", "legalReviewResult",
        "legalReviewComment");
  }

  @Test
  void deliveryAsksForTheTrackingNumberOnlyForPost() throws Exception {
    JsonNode tracking = fields("deliver-reply").get("trackingNumber");
    assertThat(tracking).isNotNull();
    assertThat(tracking.path("validate").path("required").asBoolean()).isTrue();
    assertThat(tracking.path("conditional").path("hide").asText()).isEqualTo("=replyDeliveryMethod != \"POST\"");
    assertThat(tracking.path("disabled").asBoolean()).isFalse();
  }
  @Test
  void proposalReplyReviewShowsTheReplyAndAsksForItsDisclosureAttributeWithAReason() throws Exception {
    assertReadOnly("review-reply", "proposalTitle", "leadUnit", "answerDueOn", "replyDocumentNumber", "replySummary",
        "handlingResult", "repliedOn");
    Map<String, JsonNode> fields = fields("review-reply");
    assertThat(fields.get("replyReviewResult").path("validate").path("required").asBoolean()).isTrue();
    assertThat(fields.get("disclosureReason").path("conditional").path("hide").asText())
        .isEqualTo("=disclosureAttribute = null or disclosureAttribute = \"PROACTIVE\"");
    assertReadOnly("draft-reply", "proposalTitle", "leadUnit", "answerDueOn", "replyReviewComment");
    assertReadOnly("supervise-overdue-reply", "proposalTitle", "leadUnit", "answerDueOn");
  }

  // disclosure-case-study (依申请公开案例入库)
  @Test
  void caseStudyFormsShowTheSourceDecisionReadOnlyAndNeverAskForPersonalData() throws Exception {
    for (String form : new String[] {"draft-case-study", "revise-case-study", "review-case-study"}) {
      assertReadOnly(form, "outcomeLabel", "exemptionLabel");
      assertThat(fields(form)).as(form).doesNotContainKeys("applicantName", "idNumber", "phone", "email", "address",
          "applicantNameMasked");
    }
    assertReadOnly("review-case-study", "requestSummary", "decisionSummary", "decisionReason", "legalBasis",
        "lessons", "reviewDueOn");
    assertReadOnly("revise-case-study", "reviewComment");
    assertThat(fields("review-case-study").get("reviewResult").path("validate").path("required").asBoolean()).isTrue();
    assertThat(fields("propose-case-study")).containsOnlyKeys("sourceCaseNumber");
  }

  @Test
  void citizenMessageFormsShowTheMessageReadOnlyAndNeverTheCitizensContactData() throws Exception {
    for (String form : new String[] {"accept-message", "answer-message", "approve-message-extension",
        "review-message-answer", "feed-back-to-citizen", "publish-message-answer", "supervise-overdue-message"}) {
      assertReadOnly(form, "caseNumber", "receivedOn", "messageType", "subject", "content");
      assertThat(fields(form)).as(form).doesNotContainKeys("citizenName", "citizenPhone", "citizenEmail");
    }
    assertReadOnly("review-message-answer", "answerText", "publicationAgreed");
    assertReadOnly("approve-message-extension", "answerDueOn", "extensionReason");
  }
}
