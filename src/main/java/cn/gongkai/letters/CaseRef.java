package cn.gongkai.letters;

/**
 * The case a document belongs to: its kind (e.g. {@code DISCLOSURE} for the disclosure-request register),
 * its id in that register, its case number, and the agency that handles it.
 */
public record CaseRef(String kind, long id, String caseNumber, String agencyCode) {

  /** The kind of cases held in {@code gk_disclosure_case}. */
  public static final String DISCLOSURE = "DISCLOSURE";

  public CaseRef {
    if (kind == null || kind.isBlank() || caseNumber == null || caseNumber.isBlank()
        || agencyCode == null || agencyCode.isBlank()) {
      throw new IllegalArgumentException("case kind, number and agency are required");
    }
  }
}
