package cn.gongkai.report;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The columns of table 三 (2021 format): the applicant categories, which are the register's
 * {@code applicant_type} codes, and the total.
 */
public enum ReportColumn {
  NATURAL_PERSON("自然人"),
  COMMERCIAL("商业企业"),
  RESEARCH("科研机构"),
  PUBLIC_INTEREST("社会公益组织"),
  LEGAL_SERVICE("法律服务机构"),
  OTHER_ORG("其他"),
  TOTAL("总计");

  /** The five sub-columns grouped under 法人或其他组织 in the official table. */
  public static final List<ReportColumn> LEGAL_PERSONS =
      List.of(COMMERCIAL, RESEARCH, PUBLIC_INTEREST, LEGAL_SERVICE, OTHER_ORG);

  /** The six applicant categories, without the total. */
  public static final List<ReportColumn> APPLICANT_TYPES =
      Arrays.stream(values()).filter(c -> c != TOTAL).toList();

  private final String label;

  ReportColumn(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The column of a register {@code applicant_type}; empty for an unknown code (never TOTAL). */
  public static Optional<ReportColumn> ofApplicantType(String applicantType) {
    return APPLICANT_TYPES.stream().filter(c -> c.name().equals(applicantType)).findFirst();
  }
}
