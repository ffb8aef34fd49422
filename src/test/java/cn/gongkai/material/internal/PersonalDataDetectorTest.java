package cn.gongkai.material.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.material.Suggestion;
import cn.gongkai.material.SuggestionKind;
import java.io.IOException;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The detector on a planted sample set (personal data of every kind, with near misses: ID numbers with a wrong check
 * digit or an impossible birth date, card numbers failing the Luhn check, numbers too short to be phones) and on a
 * set without personal data. Prints precision and recall.
 */
class PersonalDataDetectorTest {

  final PersonalDataDetector detector = new PersonalDataDetector();

  record Planted(String value, SuggestionKind kind) {}

  @Test
  void findsEveryPlantedItemAndNoNearMiss() throws IOException {
    // given pages with planted personal data and near misses
    String id1 = withCheckDigit("11010519491231002");
    String id2 = withCheckDigit("53230119850712421");
    String id3 = withCheckDigit("44052418800101001");
    String id4 = withCheckDigit("53010220010229003");  // 2001-02-29 does not exist: a near miss, see below
    String card1 = withLuhn("622202123456789012");     // 19 digits
    String card2 = withLuhn("621700001234567");        // 16 digits
    String card3 = withLuhn("436742000011112");        // 16 digits, printed in groups of four
    String card3Grouped = card3.substring(0, 4) + " " + card3.substring(4, 8) + " " + card3.substring(8, 12) + " "
        + card3.substring(12);
    List<Planted> planted = List.of(
        new Planted(id1, SuggestionKind.ID_NUMBER),
        new Planted(id2, SuggestionKind.ID_NUMBER),
        new Planted(id3, SuggestionKind.ID_NUMBER),
        new Planted("13812345678", SuggestionKind.PHONE),
        new Planted("159-8765-4321", SuggestionKind.PHONE),
        new Planted("+86 186 0000 1234", SuggestionKind.PHONE),
        new Planted("0878-3123456", SuggestionKind.PHONE),
        new Planted("0871-65123456", SuggestionKind.PHONE),
        new Planted("(010)62345678", SuggestionKind.PHONE),
        new Planted(card1, SuggestionKind.BANK_CARD),
        new Planted(card2, SuggestionKind.BANK_CARD),
        new Planted(card3Grouped, SuggestionKind.BANK_CARD),
        new Planted("zhangsan@example.com", SuggestionKind.EMAIL),
        new Planted("li.si_2026@mail.cxz.gov.cn", SuggestionKind.EMAIL),
        new Planted("张三", SuggestionKind.NAME),
        new Planted("李建国", SuggestionKind.NAME),
        new Planted("赵丽华", SuggestionKind.NAME),
        new Planted("王秀英", SuggestionKind.NAME),
        new Planted("杨文斌", SuggestionKind.NAME),
        new Planted("刘晓东", SuggestionKind.NAME));
    String badCheckDigit = id1.substring(0, 17) + (id1.charAt(17) == '1' ? '2' : '1');
    String badCheckDigit2 = id2.substring(0, 17) + (id2.charAt(17) == '0' ? '9' : '0');
    String luhnFails = card1.substring(0, 18) + (char) ('0' + (card1.charAt(18) - '0' + 1) % 10);
    String luhnFails2 = card2.substring(0, 15) + (char) ('0' + (card2.charAt(15) - '0' + 5) % 10);
    byte[] pdf = SamplePdfs.document(List.of(
        new SamplePdfs.Page()
            .text(50, 780, "申请人张三，身份证号码" + id1 + "，手机13812345678。")
            .text(50, 760, "经办人李建国于2026年3月到现场核查，联系电话0878-3123456。")
            .text(50, 740, "联系人：赵丽华，电话159-8765-4321，邮箱zhangsan@example.com")
            .text(50, 720, "委托代理人王秀英，身份证号" + id2 + "，银行卡号" + card1 + "。")
            .text(50, 700, "收款账户" + card2 + "，开户人杨文斌。")
            .text(50, 680, "抄送：刘晓东，电话(010)62345678，电子邮件li.si_2026@mail.cxz.gov.cn"),
        new SamplePdfs.Page()
            .text(50, 780, "另一申请人身份证号" + id3 + "，手机 +86 186 0000 1234")
            .text(50, 760, "办公电话0871-65123456，信用卡 " + card3Grouped)
            // near misses: wrong check digits, an impossible birth date, Luhn failures, short or odd numbers
            .text(50, 700, "错误号码" + badCheckDigit + "与" + badCheckDigit2 + "及" + id4)
            .text(50, 680, "卡号有误" + luhnFails + "和" + luhnFails2)
            .text(50, 660, "编号12345678901，电话1381234567，邮编675000")));

    // when the detector runs
    List<Suggestion> suggestions = detector.suggestions(pdf);

    // then precision and recall on the planted set, per kind and overall
    Set<Planted> found = new HashSet<>();
    int falsePositives = 0;
    for (Suggestion s : suggestions) {
      Planted p = new Planted(s.text(), s.kind());
      if (planted.contains(p)) {
        found.add(p);
      } else {
        falsePositives++;
        System.out.println("false positive: " + s.kind() + " " + s.text());
      }
      assertThat(s.box()).hasSize(4);
      assertThat(s.box()[2]).isPositive();
    }
    Map<SuggestionKind, int[]> byKind = new EnumMap<>(SuggestionKind.class);
    for (Planted p : planted) {
      int[] counts = byKind.computeIfAbsent(p.kind(), k -> new int[2]);
      counts[0]++;
      counts[1] += found.contains(p) ? 1 : 0;
    }
    double precision = suggestions.isEmpty() ? 0 : (double) (suggestions.size() - falsePositives) / suggestions.size();
    double recall = (double) found.size() / planted.size();
    System.out.printf("detector: %d planted, %d suggestions, %d false positives; precision %.3f, recall %.3f%n",
        planted.size(), suggestions.size(), falsePositives, precision, recall);
    byKind.forEach((kind, c) -> System.out.printf("  %s: %d/%d found%n", kind, c[1], c[0]));
    planted.stream().filter(p -> !found.contains(p)).forEach(p -> System.out.println("  missed: " + p));

    // every planted ID, phone, bank card and e-mail is found, and no near miss is suggested
    for (SuggestionKind kind : List.of(SuggestionKind.ID_NUMBER, SuggestionKind.PHONE, SuggestionKind.BANK_CARD,
        SuggestionKind.EMAIL)) {
      assertThat(byKind.get(kind)[1]).as(kind.name()).isEqualTo(byKind.get(kind)[0]);
    }
    assertThat(falsePositives).isZero();
    // names come from a statistical recogniser: most, not necessarily all
    assertThat(byKind.get(SuggestionKind.NAME)[1]).isGreaterThanOrEqualTo(4);
    // and a suggestion's box is where the text is (page 1, line at y = 780)
    Suggestion first = suggestions.get(0);
    assertThat(first.page()).isEqualTo(1);
    assertThat(first.box()[1]).isBetween(770f, 785f);
  }

  @Test
  void suggestsNothingOnTextWithoutPersonalData() throws IOException {
    // given an ordinary reply with dates, document numbers, amounts, codes and counts, but nobody's data
    byte[] pdf = SamplePdfs.document(List.of(new SamplePdfs.Page()
        .text(50, 780, "楚雄彝族自治州人民政府办公室关于印发工作方案的通知")
        .text(50, 760, "楚政办发〔2026〕12号，2026年3月16日印发，共5页。")
        .text(50, 740, "本机关于2026年2月10日收到你的政府信息公开申请。")
        .text(50, 720, "经审查，项目总投资12345678.90元，统一社会信用代码11532300015117985G。")
        .text(50, 700, "邮政编码675000，档案编号2026-0312-0045，附件3份。")
        .text(50, 680, "根据《中华人民共和国政府信息公开条例》第三十七条，决定部分公开。")
        .text(50, 660, "如对本答复不服，可以在收到之日起60日内申请行政复议。")));

    // when the detector runs / then it suggests nothing
    assertThat(detector.suggestions(pdf)).isEmpty();
  }

  @Test
  void checksIdNumbersAndCardsByTheirCheckDigits() {
    assertThat(PersonalDataDetector.validIdNumber("11010519491231002X")).isTrue();
    assertThat(PersonalDataDetector.validIdNumber("110105194912310021")).isFalse();
    assertThat(PersonalDataDetector.validBankCard("4111111111111111")).isTrue();
    assertThat(PersonalDataDetector.validBankCard("4111111111111112")).isFalse();
  }

  /** The 18th character of GB 11643-1999, computed here independently of the detector. */
  static String withCheckDigit(String first17) {
    int[] weights = new int[17];
    for (int i = 0; i < 17; i++) {
      weights[i] = (1 << (17 - i)) % 11;
    }
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (first17.charAt(i) - '0') * weights[i];
    }
    int check = (12 - sum % 11) % 11;
    return first17 + (check == 10 ? "X" : String.valueOf(check));
  }

  /** The number with its Luhn check digit appended. */
  static String withLuhn(String payload) {
    for (int d = 0; d <= 9; d++) {
      String candidate = payload + d;
      int sum = 0;
      for (int i = 0; i < candidate.length(); i++) {
        int v = candidate.charAt(candidate.length() - 1 - i) - '0';
        if (i % 2 == 1) {
          v = v * 2 > 9 ? v * 2 - 9 : v * 2;
        }
        sum += v;
      }
      if (sum % 10 == 0) {
        return candidate;
      }
    }
    throw new IllegalStateException();
  }
}
