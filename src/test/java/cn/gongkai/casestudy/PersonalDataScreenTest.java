package cn.gongkai.casestudy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the case library's personal-data screen refuses and lets through (plain JUnit). */
class PersonalDataScreenTest {

  static final PersonalDataScreen.Applicant APPLICANT = new PersonalDataScreen.Applicant("李四",
      "11010519491231002X", "0878-3123456", "云南省楚雄彝族自治州楚雄市鹿城镇某路1号", "lisi@example.cn");

  static String found(String text) {
    return PersonalDataScreen.find(text, APPLICANT).orElse(null);
  }

  @Test
  void findsTheSourceApplicantsOwnData() {
    assertThat(found("李四申请公开")).isEqualTo("申请人的姓名或名称");
    assertThat(found("证件 110105 19491231 002x")).isEqualTo("申请人的身份证件号码");
    assertThat(found("联系电话0878 3123456")).isEqualTo("申请人的联系电话");
    assertThat(found("寄往云南省楚雄彝族自治州楚雄市鹿城镇某路1号")).isEqualTo("申请人的通信地址");
    assertThat(found("LISI@example.cn")).isEqualTo("申请人的电子邮箱");
  }

  @Test
  void findsAnyonesIdPhoneEmailAndCardNumbers() {
    assertThat(found("身份证110101199003074477")).isEqualTo("居民身份证号码");
    assertThat(found("手机13912345678")).isEqualTo("手机号码");
    assertThat(found("手机 +86 139-1234-5678")).isEqualTo("手机号码");
    assertThat(found("电话（0871）63123456")).isEqualTo("固定电话号码");
    assertThat(found("邮箱 someone@mail.gov.cn")).isEqualTo("电子邮箱地址");
    assertThat(found("卡号6222020000000000000")).isEqualTo("银行卡号");
    assertThat(found("卡号 6222 0200 0000 0000 000")).isEqualTo("银行卡号");
  }

  @Test
  void letsGeneralTextDatesAndCaseNumbersThrough() {
    assertThat(found("某申请人于2026-11-16申请公开〔2026〕第12号案件所涉招标文件，楚雄市住建局答复")).isNull();
    assertThat(found("依据条例第三十六条第（三）项，2025年共办理1234件")).isNull();
    // 18 digits without a valid check digit is not a resident ID number, nor a card number (none starts with 1)
    assertThat(found("编号110101199003074478")).isNull();
    assertThat(PersonalDataScreen.luhn("6222020000000000001")).isFalse();
  }

  @Test
  void namesTheFieldAndSaysWhatWasFoundInChinese() {
    var finding = PersonalDataScreen.check(Map.of("lessons", "请联系13912345678"), Map.of("lessons", "经验与启示"),
        PersonalDataScreen.Applicant.NONE).orElseThrow();
    assertThat(finding.field()).isEqualTo("lessons");
    assertThat(finding.message()).isEqualTo("“经验与启示”中含有手机号码，案例库不得收录个人信息，请改为概括表述后重新提交");
  }
}
