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

  @Test
  void acceptsMobileNumbersAndFixedLinesWithOrWithoutHyphen() {
    for (String phone : new String[] {"13812345678", "19912345678", "0878-3123456", "08783123456", "010-12345678",
        "01012345678", "0871-63123456", "138 1234 5678"}) {
      Map<String, Object> fields = CaseFixtures.request("2026-11-20");
      fields.put("phone", phone);
      assertThat(RequestRegistration.parse(fields, TODAY).phone()).as(phone).isNotBlank();
    }
  }

  @Test
  void refusesAShortPhoneNumberAndOtherMalformedOnesNamingThePhoneField() {
    for (String phone : new String[] {"123456", "1381234567", "138123456789", "23812345678", "878-3123456",
        "0878-312345", "0878-312345678", "+86 138 1234 5678", "(0878)3123456", "0878--3123456", "电话"}) {
      Map<String, Object> fields = CaseFixtures.request("2026-11-20");
      fields.put("phone", phone);
      assertThatThrownBy(() -> RequestRegistration.parse(fields, TODAY)).as(phone)
          .isInstanceOfSatisfying(BadRequestException.class, e -> {
            assertThat(e.problems()).hasSize(1);
            assertThat(e.problems().get(0).field()).isEqualTo("phone");
            assertThat(e.problems().get(0).message()).startsWith("联系电话格式不正确");
          });
    }
  }

  @Test
  void refusesADateOfReceiptBefore2000OrWithAnAbsurdYear() {
    for (String receivedOn : new String[] {"1999-12-31", "-9999999-01-01", "-999999999-01-01", "+10000-01-01",
        "0000-01-01", "99999-01-01"}) {
      Map<String, Object> fields = CaseFixtures.request(receivedOn);
      assertThatThrownBy(() -> RequestRegistration.parse(fields, TODAY)).as(receivedOn)
          .isInstanceOfSatisfying(BadRequestException.class, e -> {
            assertThat(e.problems()).hasSize(1);
            assertThat(e.problems().get(0).field()).isEqualTo("receivedOn");
            assertThat(e.problems().get(0).message()).startsWith("收到申请日期");
          });
    }
    assertThat(RequestRegistration.parse(CaseFixtures.request("2000-01-01"), TODAY).receivedOn())
        .isEqualTo(LocalDate.of(2000, 1, 1));
  }
}
