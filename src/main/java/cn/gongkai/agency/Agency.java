package cn.gongkai.agency;

/**
 * An agency (机关) that handles requests: its code (also its Camunda tenant id), full name, short name for
 * numbers and letters, the reconsideration body named on letters, the office's contact person and telephone
 * printed on letters (null when not set), its parent (the prefecture office above a department or county, null
 * for the top), the pattern of its case numbers (null: the installation's {@code gongkai.case-number.pattern})
 * and whether it transfers requests meant for another agency on the platform (转办).
 */
public record Agency(String code, String name, String shortName, String reconsiderationBody, String contactPerson,
    String contactPhone, String parent, String caseNumberPattern, boolean transfersReferrals) {

  public Agency(String code, String name, String shortName, String reconsiderationBody, String contactPerson,
      String contactPhone) {
    this(code, name, shortName, reconsiderationBody, contactPerson, contactPhone, null, null, false);
  }

  public Agency(String code, String name, String shortName, String reconsiderationBody) {
    this(code, name, shortName, reconsiderationBody, null, null);
  }

  /** 联系人：张某，联系电话：0878-3123456 — or null when neither is set. */
  public String contactLine() {
    boolean person = contactPerson != null && !contactPerson.isBlank();
    boolean phone = contactPhone != null && !contactPhone.isBlank();
    if (!person && !phone) {
      return null;
    }
    return (person ? "联系人：" + contactPerson.strip() : "") + (person && phone ? "，" : "")
        + (phone ? "联系电话：" + contactPhone.strip() : "");
  }
}
