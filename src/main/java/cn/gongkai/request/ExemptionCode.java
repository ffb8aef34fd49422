package cn.gongkai.request;

/** Grounds for withholding (Art. 14-16, 36(7)), in the order of annual-report rows 三(三)1-8. */
public enum ExemptionCode implements Labelled {
  STATE_SECRET("属于国家秘密"),
  LAW_PROHIBITS("其他法律行政法规禁止公开"),
  SECURITY_STABILITY("危及“三安全一稳定”"),
  THIRD_PARTY("保护第三方合法权益"),
  INTERNAL_AFFAIRS("属于三类内部事务信息"),
  PROCESS_INFO("属于四类过程性信息"),
  ENFORCEMENT_FILE("属于行政执法案卷"),
  ADMIN_QUERY("属于行政查询事项");

  private final String label;

  ExemptionCode(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
