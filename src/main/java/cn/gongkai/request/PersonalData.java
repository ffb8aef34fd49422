package cn.gongkai.request;

/**
 * Masks an applicant's personal data for every role that does not need it for its work: ID number
 * 5301**********1234, phone 138****5678, address cut after the district, e-mail a***@example.cn.
 */
public final class PersonalData {

  /** Process variables that carry personal data from the start form into the register, never further. */
  public static final java.util.Set<String> VARIABLES =
      java.util.Set.of("applicantName", "idType", "idNumber", "phone", "address", "email",
          // proposal-reply: the deputy or CPPCC member who submitted a suggestion or proposal
          "submitter");

  private PersonalData() {}

  public static String maskIdNumber(String id) {
    return IdNumbers.mask(id);
  }

  public static String maskPhone(String phone) {
    if (phone == null || phone.length() < 7) {
      return phone == null ? null : "*".repeat(phone.length());
    }
    return phone.substring(0, 3) + "*".repeat(phone.length() - 7) + phone.substring(phone.length() - 4);
  }

  public static String maskAddress(String address) {
    if (address == null) {
      return null;
    }
    int keep = Math.min(6, address.length() / 2);
    return address.substring(0, keep) + "****";
  }

  /**
   * A natural person's name shows only its first character (张**); an organisation's name is not personal
   * data and stays in full.
   */
  public static String maskName(String name, ApplicantType type) {
    if (name == null || type != ApplicantType.NATURAL_PERSON) {
      return name;
    }
    int first = name.offsetByCodePoints(0, Math.min(1, name.codePointCount(0, name.length())));
    return name.substring(0, first) + "*".repeat(Math.max(1, name.codePointCount(0, name.length()) - 1));
  }

  public static String maskEmail(String email) {
    if (email == null) {
      return null;
    }
    int at = email.indexOf('@');
    return at <= 0 ? "****" : email.charAt(0) + "***" + email.substring(at);
  }
}
