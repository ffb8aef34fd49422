package cn.gongkai.request;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DecisionLabelsTest {

  final DecisionLabels labels = new DecisionLabels();

  @Test
  void aStepsDecisionReadsAsTheOptionItsOwnFormOffered() {
    // the sign-off form shows the secrecy and legal results (通过) read-only above its own choice (签发)
    assertThat(labels.label("Task_SignOffReply", "APPROVED")).isEqualTo("签发");
    assertThat(labels.label("Task_SecrecyReview", "APPROVED")).isEqualTo("通过");
    assertThat(labels.label("Task_LegalReview", "APPROVED")).isEqualTo("通过");
    assertThat(labels.label("Task_HandleRequest", "DISCLOSE")).isEqualTo("予以公开");
  }
}
