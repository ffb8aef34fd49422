package cn.gongkai.request;

/** Applicant categories, as the columns of the annual report (2021 format). */
public enum ApplicantType implements Labelled {
  NATURAL_PERSON("自然人"),
  COMMERCIAL("商业企业"),
  RESEARCH("科研机构"),
  PUBLIC_INTEREST("社会公益组织"),
  LEGAL_SERVICE("法律服务机构"),
  OTHER_ORG("其他组织");

  private final String label;

  ApplicantType(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
