package cn.gongkai.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gongkai.web.BadRequestException;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestRegistrationTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

  @Test
  void acceptsAWellFormedRequest() {
    RequestRegistration r = RequestRegistration.parse(CaseFixtures.request("2026-11-20"), TODAY);

    assertThat(r.applicantType()).isEqualTo(ApplicantType.NATURAL_PERSON);
    assertThat(r.receivedOn()).isEqualTo(LocalDate.of(2026, 11, 20));
    assertThat(r.idNumber()).isEqualTo(CaseFixtures.ID_NUMBER);
  }

  @Test
  void refusesMissingNameMalformedIdAndFutureDateNamingEachField() {
    // given a request with three mistakes
    Map<String, Object> fields = CaseFixtures.request("2026-11-24");
    fields.remove("applicantName");
    fields.put("idNumber", "110105194912310021");

    // then each is named with a Chinese message
    assertThatThrownBy(() -> RequestRegistration.parse(fields, TODAY))
        .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.problems())
            .extracting(BadRequestException.FieldProblem::field, BadRequestException.FieldProblem::message)
            .containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("applicantName", "申请人姓名或名称为必填项"),
                org.assertj.core.groups.Tuple.tuple("idNumber", "证件号码不是有效的居民身份证号码（校验位不符）"),
                org.assertj.core.groups.Tuple.tuple("receivedOn", "收到申请日期不能晚于今天")));
  }

  @Test
  void verifiesTheUnifiedSocialCreditCodeCheckCharacter() {
    assertThat(IdNumbers.isValidUscc("91350100M000100Y43")).isTrue();
    assertThat(IdNumbers.isValidUscc("91350100M000100Y44")).isFalse();
  }

  @Test
  void verifiesTheResidentIdCheckDigitAndBirthDate() {
    assertThat(IdNumbers.isValidResidentId("11010519491231002X")).isTrue();
    assertThat(IdNumbers.isValidResidentId("110105194902310026")).isFalse();
    assertThat(IdNumbers.isValidResidentId("1101051949123100")).isFalse();
  }

  @Test
  void refusesAnUnknownChannelCode() {
    Map<String, Object> fields = CaseFixtures.request("2026-11-20");
    fields.put("channel", "CARRIER_PIGEON");

    assertThatThrownBy(() -> RequestRegistration.parse(fields, TODAY))
        .isInstanceOfSatisfying(BadRequestException.class,
            e -> assertThat(e.problems().get(0).message()).isEqualTo("申请方式的取值无效：CARRIER_PIGEON"));
  }

  @Test
  void requiresAnAddressWhenTheInformationIsToBePosted() {
    Map<String, Object> fields = CaseFixtures.request("2026-11-20");
    fields.put("deliveryMethod", "POST");
    fields.remove("address");

    assertThatThrownBy(() -> RequestRegistration.parse(fields, TODAY))
        .isInstanceOfSatisfying(BadRequestException.class,
            e -> assertThat(e.problems().get(0).field()).isEqualTo("address"));
  }

  @Test
  void masksIdNumberPhoneAndAddress() {
    assertThat(PersonalData.maskIdNumber("530102199001011234")).isEqualTo("5301**********1234");
    assertThat(PersonalData.maskPhone("13812345678")).isEqualTo("138****5678");
    assertThat(PersonalData.maskAddress("云南省楚雄彝族自治州楚雄市鹿城镇某路1号")).isEqualTo("云南省楚雄彝****");
  }
}
