package cn.gongkai.letters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DocumentNumberFormatTest {

  @Test
  void defaultPatternGivesAgencyKindYearAndNumber() {
    // given the default pattern
    DocumentNumberFormat format = new DocumentNumberFormat(LettersProperties.DEFAULT_NUMBER_PATTERN, Map.of());

    // when a refusal and a receipt get number 12 of 2026
    // then their numbers differ by the kind's mark
    assertThat(format.format("楚政办", "chuxiong", LetterKind.REFUSE, 2026, 12)).isEqualTo("楚政办公开否〔2026〕第12号");
    assertThat(format.format("楚政办", "chuxiong", LetterKind.RECEIPT, 2026, 12)).isEqualTo("楚政办公开收〔2026〕第12号");
  }

  @Test
  void everyKindHasItsOwnMark() {
    // given / then no two kinds share a mark, so per-kind sequences never give equal numbers
    assertThat(java.util.Arrays.stream(LetterKind.values()).map(LetterKind::numberMark).distinct())
        .hasSize(LetterKind.values().length);
  }

  @Test
  void markCanBeConfiguredPerKind() {
    // given an office that numbers its replies 答 and its receipts 回
    DocumentNumberFormat format = new DocumentNumberFormat("{agencyShort}{kindMark}〔{year}〕{n}号",
        Map.of(LetterKind.DISCLOSE, "答", LetterKind.RECEIPT, "回"));

    // then
    assertThat(format.format("楚政办", "chuxiong", LetterKind.DISCLOSE, 2026, 3)).isEqualTo("楚政办答〔2026〕3号");
  }

  @Test
  void patternWithoutKindMarkIsRefusedAtStart() {
    // given a pattern under which a receipt and a reply could carry the same number
    // when / then
    assertThatThrownBy(() -> new DocumentNumberFormat("{agencyShort}公开〔{year}〕第{n}号", Map.of()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("缺少占位符 {kindMark}");
  }

  @Test
  void unknownPlaceholderAndDuplicateMarksAreRefused() {
    // given / when / then
    assertThatThrownBy(() -> new DocumentNumberFormat("{agency}{kindMark}〔{year}〕{n}", Map.of()))
        .hasMessageContaining("未知的占位符 {agency}");
    assertThatThrownBy(() -> new DocumentNumberFormat(LettersProperties.DEFAULT_NUMBER_PATTERN,
            Map.of(LetterKind.DISCLOSE, "否")))
        .hasMessageContaining("的文号标识相同（否）");
  }
}
