package cn.gongkai.agency;

/**
 * An agency (机关) that handles requests: its code, full name, short name for numbers and letters, and the
 * office's contact person and telephone printed on letters (null when not configured).
 */
public record Agency(String code, String name, String shortName, String reconsiderationBody, String contactPerson,
    String contactPhone) {

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
