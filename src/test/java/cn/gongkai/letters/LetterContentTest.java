package cn.gongkai.letters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gongkai.agency.Agency;
import cn.gongkai.web.BadRequestException;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every outcome and notice, rendered from its built-in template and read back with POI. */
class LetterContentTest {

  static final Agency AGENCY = new Agency("chuxiong", "楚雄彝族自治州人民政府办公室", "楚政办", "楚雄彝族自治州人民政府");
  static final CaseRef CASE = new CaseRef(CaseRef.DISCLOSURE, 7, "〔2026〕第15号", "chuxiong");
  static final String RECONSIDERATION = "六十日内向楚雄彝族自治州人民政府申请行政复议";
  static final String LAWSUIT_SIX_MONTHS = "六个月内依法向人民法院提起行政诉讼";

  /** The standard wording that says what was decided, per kind. */
  static final Map<LetterKind, String> DECISION_WORDING = new EnumMap<>(Map.ofEntries(
      Map.entry(LetterKind.ALREADY_PUBLIC, "本机关已经主动公开"),
      Map.entry(LetterKind.DISCLOSE, "本机关决定予以公开"),
      Map.entry(LetterKind.PARTIAL, "本机关作区分处理，对可以公开部分予以公开"),
      Map.entry(LetterKind.REFUSE, "本机关决定不予公开"),
      Map.entry(LetterKind.NOT_EXIST, "该政府信息不存在"),
      Map.entry(LetterKind.NOT_THIS_AGENCY, "不属于本机关负责公开的范围"),
      Map.entry(LetterKind.NEEDS_CREATION, "不负有制作、加工、分析的义务，不予提供"),
      Map.entry(LetterKind.UNCLEAR_AFTER_CORRECTION, "补正后的申请内容仍不明确"),
      Map.entry(LetterKind.PETITION, "信访、投诉、举报等诉求，本机关不作为政府信息公开申请处理"),
      Map.entry(LetterKind.REPEAT, "不予重复处理"),
      Map.entry(LetterKind.PUBLICATION, "公开出版物"),
      Map.entry(LetterKind.UNREASONABLE_VOLUME, "申请理由不合理，决定不予处理"),
      Map.entry(LetterKind.CONFIRM_REISSUE, "确认或者重新出具"),
      Map.entry(LetterKind.NO_CORRECTION, "逾期未补正，视为放弃申请"),
      Map.entry(LetterKind.FEE_UNPAID, "未在规定期限内缴纳，视为放弃申请"),
      Map.entry(LetterKind.OTHER, LetterSamples.DECISION),
      Map.entry(LetterKind.RECEIPT, "20个工作日内，即于2026年3月10日前作出答复"),
      Map.entry(LetterKind.CORRECTION_NOTICE, "请您按照以下要求对申请作出补正"),
      Map.entry(LetterKind.EXTENSION_NOTICE, "本机关将于2026年4月8日前作出答复"),
      Map.entry(LetterKind.THIRD_PARTY_CONSULTATION, "现书面征求贵方意见"),
      Map.entry(LetterKind.AGENCY_CONSULTATION, "现征求贵机关意见"),
      Map.entry(LetterKind.FEE_NOTICE, "依法收取信息处理费"),
      Map.entry(LetterKind.NOT_HANDLED_NOTICE, "不作为政府信息公开申请处理")));

  /** The articles a letter relies on when the caller names none (the sample exemption is THIRD_PARTY). */
  static final Map<LetterKind, String> ARTICLES = new EnumMap<>(Map.ofEntries(
      Map.entry(LetterKind.ALREADY_PUBLIC, "条例》第三十六条第一项"),
      Map.entry(LetterKind.DISCLOSE, "条例》第三十六条第二项"),
      Map.entry(LetterKind.PARTIAL, "条例》第三十七条、第十五条"),
      Map.entry(LetterKind.REFUSE, "条例》第三十六条第三项、第十五条"),
      Map.entry(LetterKind.NOT_EXIST, "条例》第三十六条第四项"),
      Map.entry(LetterKind.NOT_THIS_AGENCY, "条例》第三十六条第五项"),
      Map.entry(LetterKind.NEEDS_CREATION, "条例》第三十八条"),
      Map.entry(LetterKind.UNCLEAR_AFTER_CORRECTION, "条例》第三十条"),
      Map.entry(LetterKind.PETITION, "条例》第三十九条第一款"),
      Map.entry(LetterKind.REPEAT, "条例》第三十六条第六项"),
      Map.entry(LetterKind.PUBLICATION, "条例》第三十九条第二款"),
      Map.entry(LetterKind.UNREASONABLE_VOLUME, "条例》第三十五条"),
      Map.entry(LetterKind.CONFIRM_REISSUE, "条例》第二条、第二十七条"),
      Map.entry(LetterKind.NO_CORRECTION, "条例》第三十条"),
      Map.entry(LetterKind.FEE_UNPAID, "条例》第四十二条、《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）"),
      Map.entry(LetterKind.OTHER, "条例》第二条、第二十七条"),
      Map.entry(LetterKind.RECEIPT, "条例》第三十一条、第三十三条"),
      Map.entry(LetterKind.CORRECTION_NOTICE, "条例》第二十九条、第三十条"),
      Map.entry(LetterKind.EXTENSION_NOTICE, "条例》第三十三条第二款"),
      Map.entry(LetterKind.THIRD_PARTY_CONSULTATION, "条例》第三十二条"),
      Map.entry(LetterKind.AGENCY_CONSULTATION, "条例》第三十四条"),
      Map.entry(LetterKind.FEE_NOTICE, "条例》第四十二条、《政府信息公开信息处理费管理办法》"),
      Map.entry(LetterKind.NOT_HANDLED_NOTICE, "条例》第三十九条")));

  static final Map<LetterKind, String> NOTICE_HEADINGS = new EnumMap<>(Map.of(
      LetterKind.RECEIPT, "政府信息公开申请收件回执",
      LetterKind.CORRECTION_NOTICE, "政府信息公开申请补正告知书",
      LetterKind.EXTENSION_NOTICE, "政府信息公开申请延期答复告知书",
      LetterKind.THIRD_PARTY_CONSULTATION, "政府信息公开征求第三方意见书",
      LetterKind.AGENCY_CONSULTATION, "政府信息公开征求意见函",
      LetterKind.FEE_NOTICE, "政府信息公开信息处理费收费通知书",
      LetterKind.NOT_HANDLED_NOTICE, "政府信息公开申请不予处理告知书"));

  static LetterTemplates templates;
  static final DocumentNumberFormat NUMBERS = new DocumentNumberFormat(LettersProperties.DEFAULT_NUMBER_PATTERN, Map.of());

  @BeforeAll
  static void loadBuiltInTemplates() {
    LetterSamples.quietPoiTl();
    templates = new LetterTemplates(new LettersProperties(null, null, null, null, null));
  }

  static String render(LetterKind kind, LetterData data) {
    LetterModel.check(kind, data);
    String number = NUMBERS.format(AGENCY.shortName(), AGENCY.code(), kind, 2026, 12);
    return LetterSamples.text(LetterRenderer.render(templates.template(kind),
        LetterModel.of(kind, data, AGENCY, number, data.issuedOn())));
  }

  @ParameterizedTest
  @EnumSource(LetterKind.class)
  void everyLetterCarriesItsRequiredElements(LetterKind kind) {
    // given the data the kind needs
    LetterData data = LetterSamples.data(CASE, kind, null);

    // when the letter is generated and read back
    String text = render(kind, data);

    // then it names agency, number, addressee, receipt, request, decision, articles, date and seal
    assertThat(text).contains(AGENCY.name())
        .contains("楚政办公开" + kind.numberMark() + "〔2026〕第12号")
        .contains(NOTICE_HEADINGS.getOrDefault(kind, "政府信息公开申请答复书"))
        .contains("2026年2月10日")
        .contains(LetterSamples.REQUEST)
        .contains(CASE.caseNumber())
        .contains(DECISION_WORDING.get(kind))
        .contains(LetterSamples.DECISION)
        .contains(ARTICLES.get(kind))
        .contains("2026年3月16日")
        .contains("（盖章）")
        .doesNotContain("{{").doesNotContain("}}");
    if (kind.audience() == LetterKind.Audience.APPLICANT) {
      assertThat(text).contains(LetterSamples.APPLICANT + "：");
    } else {
      // a consulted party learns what is asked, never who asks
      assertThat(text).contains(LetterSamples.ADDRESSEE + "：").doesNotContain(LetterSamples.APPLICANT);
    }
    for (LetterField field : kind.requiredData()) {
      switch (field) {
        case REASONS -> assertThat(text).contains(LetterSamples.REASONS);
        case GUIDANCE -> assertThat(text).contains(LetterSamples.GUIDANCE);
        case CORRECTION_ITEMS -> assertThat(text).contains("1.请写明所需信息的名称、文号；", "2.请写明所需信息的形成时间。");
        case CORRECTION_DUE -> assertThat(text).contains("请于2026年3月20日前");
        case CONSULTATION_DUE -> assertThat(text).contains("请于2026年3月27日前");
        case FEE_AMOUNT -> assertThat(text).contains("人民币200.00元");
        case FEE_BASIS -> assertThat(text).contains("按件计收");
        case FEE_DUE -> assertThat(text).contains("请您于2026年4月14日前");
        default -> { }
      }
    }
  }

  @ParameterizedTest
  @EnumSource(LetterKind.class)
  void remedyClauseIsStatedExactlyWhereTheLawRequiresIt(LetterKind kind) {
    // given a letter that is not a refusal under Art. 14-16
    LetterData data = LetterSamples.data(CASE, kind, kind.needsExemption() ? "ADMIN_QUERY" : null);

    // when it is generated
    String text = render(kind, data);

    // then it carries the ordinary remedy clause, or none at all for notices that decide nothing
    if (kind.carriesRemedy()) {
      assertThat(text).contains(RECONSIDERATION).contains(LAWSUIT_SIX_MONTHS);
    } else {
      assertThat(text).doesNotContain("行政复议").doesNotContain("行政诉讼");
    }
    assertThat(text).doesNotContain(RemedyClause.RECONSIDERATION_FIRST)
        .doesNotContain("第二十三条")
        .doesNotContain("应当先申请行政复议");
  }

  static Stream<Arguments> refusalsUnderArticles14To16() {
    return Stream.of(LetterKind.REFUSE, LetterKind.PARTIAL).flatMap(kind -> Stream.of(
            "STATE_SECRET", "LAW_PROHIBITS", "SECURITY_STABILITY", "THIRD_PARTY", "INTERNAL_AFFAIRS",
            "PROCESS_INFO", "ENFORCEMENT_FILE")
        .map(code -> Arguments.of(kind, code)));
  }

  @ParameterizedTest
  @MethodSource("refusalsUnderArticles14To16")
  void refusalUnderArticles14To16SaysReconsiderationComesFirst(LetterKind kind, String exemptionCode) {
    // given a refusal or partial refusal on an Art. 14-16 ground
    LetterData data = LetterSamples.data(CASE, kind, exemptionCode);

    // when it is generated
    String text = render(kind, data);

    // then the reconsideration-first sentence is there, exactly once, after the 60-day reconsideration
    assertThat(text).contains(RECONSIDERATION);
    assertThat(text.split(RemedyClause.RECONSIDERATION_FIRST, -1)).hasSize(2);
    assertThat(text).contains(Exemption.of(exemptionCode).orElseThrow().article());
    if (kind == LetterKind.REFUSE) {
      // no direct lawsuit against a refusal: it must go to reconsideration first
      assertThat(text).doesNotContain(LAWSUIT_SIX_MONTHS);
    } else {
      // the disclosed part of a partial reply may still be taken to court directly
      assertThat(text).contains("对本答复中予以公开部分的处理不服的，也可以自收到本答复之日起" + LAWSUIT_SIX_MONTHS);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"NOT_EXIST", "NOT_THIS_AGENCY", "DISCLOSE", "FEE_NOTICE", "NOT_HANDLED_NOTICE"})
  void exemptionCodeOnALetterThatIsNoRefusalDoesNotBringReconsiderationFirst(LetterKind kind) {
    // given a stray exemption code on a letter that refuses nothing
    LetterData data = LetterSamples.data(CASE, kind, "STATE_SECRET");

    // when it is generated
    String text = render(kind, data);

    // then the reconsideration-first sentence stays out
    assertThat(text).doesNotContain(RemedyClause.RECONSIDERATION_FIRST).contains(LAWSUIT_SIX_MONTHS);
  }

  @Test
  void competentAgencyIsNamedForArticle36Item5() {
    // given a reply that the information belongs to another agency
    LetterData data = LetterSamples.data(CASE, LetterKind.NOT_THIS_AGENCY, null);

    // when it is generated
    String text = render(LetterKind.NOT_THIS_AGENCY, data);

    // then it names that agency and its contact
    assertThat(text).contains("负责公开该政府信息的行政机关为：" + LetterSamples.COMPETENT);
  }

  @Test
  void optionalSectionsAreLeftOutWithoutLeavingEmptyLines() {
    // given a not-this-agency reply whose competent agency is unknown and with no explanation
    LetterData data = LetterSamples.data(CASE, LetterKind.NOT_THIS_AGENCY, null).toBuilder()
        .competentAgency(null).build();

    // when it is generated
    String text = render(LetterKind.NOT_THIS_AGENCY, data);

    // then neither section appears and the decision is followed directly by the articles
    assertThat(text).doesNotContain("负责公开该政府信息的行政机关为").doesNotContain("说明：")
        .contains("不属于本机关负责公开的范围。" + LetterSamples.DECISION + "\n依据：");
  }

  @Test
  void refusalWithoutExemptionCodeIsRefused() {
    // given a refusal that names no exemption
    LetterData data = LetterSamples.data(CASE, LetterKind.REFUSE, null).toBuilder().exemptionCode(null).build();

    // when / then it is refused with the field named
    assertThatThrownBy(() -> LetterModel.check(LetterKind.REFUSE, data))
        .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.problems())
            .anySatisfy(p -> assertThat(p.field()).isEqualTo("exemptionCode")));
  }

  @Test
  void missingKindSpecificDataIsRefusedWithEveryFieldNamed() {
    // given a fee notice without amount, basis or deadline
    LetterData data = LetterData.builder(CASE).applicantName("李明").receivedOn(LetterSamples.RECEIVED)
        .request("某信息").build();

    // when / then each missing field is named
    assertThatThrownBy(() -> LetterModel.check(LetterKind.FEE_NOTICE, data))
        .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.problems())
            .extracting(BadRequestException.FieldProblem::field)
            .containsExactlyInAnyOrder("feeAmount", "feeBasis", "feeDueOn"));
  }

  @Test
  void unknownExemptionCodeIsRefused() {
    // given a made-up code
    LetterData data = LetterSamples.data(CASE, LetterKind.REFUSE, "TOP_SECRET");

    // when / then
    assertThatThrownBy(() -> LetterModel.check(LetterKind.REFUSE, data))
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining("不予公开类别无效");
  }
}
