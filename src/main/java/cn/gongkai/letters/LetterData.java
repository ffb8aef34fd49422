package cn.gongkai.letters;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What a letter says about one case. The case, the applicant (or, for a consultation, the addressee), the
 * date of receipt and the request are always needed; {@link LetterKind#requiredData()} names the rest.
 * Blank articles are filled from the kind and the exemption code; a blank issue date means today.
 *
 * @param caseRef the case the letter belongs to (its agency issues the letter)
 * @param applicantName the applicant's name (申请人)
 * @param addressee whom the letter is addressed to when not the applicant (third party, consulted agency)
 * @param receivedOn the date of receipt of the request (Reg. Art. 31)
 * @param request what was asked for
 * @param decision case-specific decision text added to the standard wording
 * @param reasons the reasons
 * @param articles the articles relied on; blank = the kind's default
 * @param exemptionCode exemption code of domain §3 (STATE_SECRET ... ADMIN_QUERY) for refusals; a partial
 *     disclosure may give several, comma-separated (one per ground its redaction marks cite)
 * @param guidance where and how to get the information, or the right channel
 * @param competentAgency the competent agency's name and contact (Reg. Art. 36(5))
 * @param replyDueOn the reply deadline
 * @param extendedDueOn the reply deadline after extension
 * @param correctionItems everything the applicant must correct, in one notice (Reg. Art. 30)
 * @param correctionDueOn end of the correction period
 * @param consultationDueOn the date by which the consulted party should answer
 * @param feeAmount fee in yuan
 * @param feeBasis how the fee was computed
 * @param feeDueOn the payment deadline
 * @param paymentMethod how to pay
 * @param contact the office's contact line
 * @param issuedOn the date of the letter; null = today (Asia/Shanghai)
 * @param organisation the applicant is a legal person or other organisation (贵单位); null or false: a person (您)
 * @param releasedPages pages of the material released with a reply (相关文件共 N 页); null: none attached
 */
public record LetterData(
    CaseRef caseRef,
    String applicantName,
    String addressee,
    LocalDate receivedOn,
    String request,
    String decision,
    String reasons,
    String articles,
    String exemptionCode,
    String guidance,
    String competentAgency,
    LocalDate replyDueOn,
    LocalDate extendedDueOn,
    String correctionItems,
    LocalDate correctionDueOn,
    LocalDate consultationDueOn,
    BigDecimal feeAmount,
    String feeBasis,
    LocalDate feeDueOn,
    String paymentMethod,
    String contact,
    LocalDate issuedOn,
    Boolean organisation,
    Integer releasedPages) {

  /** A builder for the case; set what the letter kind needs. */
  public static Builder builder(CaseRef caseRef) {
    return new Builder(caseRef);
  }

  /** A builder starting from this data, e.g. to regenerate a letter with a changed reason. */
  public Builder toBuilder() {
    return new Builder(caseRef).applicantName(applicantName).addressee(addressee).receivedOn(receivedOn)
        .request(request).decision(decision).reasons(reasons).articles(articles).exemptionCode(exemptionCode)
        .guidance(guidance).competentAgency(competentAgency).replyDueOn(replyDueOn).extendedDueOn(extendedDueOn)
        .correctionItems(correctionItems).correctionDueOn(correctionDueOn).consultationDueOn(consultationDueOn)
        .feeAmount(feeAmount).feeBasis(feeBasis).feeDueOn(feeDueOn).paymentMethod(paymentMethod).contact(contact)
        .issuedOn(issuedOn).organisation(organisation).releasedPages(releasedPages);
  }

  /** The same data for the given case. */
  LetterData forCase(CaseRef ref) {
    return new LetterData(ref, applicantName, addressee, receivedOn, request, decision, reasons, articles,
        exemptionCode, guidance, competentAgency, replyDueOn, extendedDueOn, correctionItems, correctionDueOn,
        consultationDueOn, feeAmount, feeBasis, feeDueOn, paymentMethod, contact, issuedOn, organisation, releasedPages);
  }

  /** Fills a {@link LetterData} step by step. */
  public static final class Builder {
    private final CaseRef caseRef;
    private String applicantName;
    private String addressee;
    private LocalDate receivedOn;
    private String request;
    private String decision;
    private String reasons;
    private String articles;
    private String exemptionCode;
    private String guidance;
    private String competentAgency;
    private LocalDate replyDueOn;
    private LocalDate extendedDueOn;
    private String correctionItems;
    private LocalDate correctionDueOn;
    private LocalDate consultationDueOn;
    private BigDecimal feeAmount;
    private String feeBasis;
    private LocalDate feeDueOn;
    private String paymentMethod;
    private String contact;
    private Boolean organisation;
    private LocalDate issuedOn;
    private Integer releasedPages;

    private Builder(CaseRef caseRef) {
      this.caseRef = caseRef;
    }

    public Builder applicantName(String value) {
      applicantName = value;
      return this;
    }

    public Builder addressee(String value) {
      addressee = value;
      return this;
    }

    public Builder receivedOn(LocalDate value) {
      receivedOn = value;
      return this;
    }

    public Builder request(String value) {
      request = value;
      return this;
    }

    public Builder decision(String value) {
      decision = value;
      return this;
    }

    public Builder reasons(String value) {
      reasons = value;
      return this;
    }

    public Builder articles(String value) {
      articles = value;
      return this;
    }

    public Builder exemptionCode(String value) {
      exemptionCode = value;
      return this;
    }

    public Builder guidance(String value) {
      guidance = value;
      return this;
    }

    public Builder competentAgency(String value) {
      competentAgency = value;
      return this;
    }

    public Builder replyDueOn(LocalDate value) {
      replyDueOn = value;
      return this;
    }

    public Builder extendedDueOn(LocalDate value) {
      extendedDueOn = value;
      return this;
    }

    public Builder correctionItems(String value) {
      correctionItems = value;
      return this;
    }

    public Builder correctionDueOn(LocalDate value) {
      correctionDueOn = value;
      return this;
    }

    public Builder consultationDueOn(LocalDate value) {
      consultationDueOn = value;
      return this;
    }

    public Builder feeAmount(BigDecimal value) {
      feeAmount = value;
      return this;
    }

    public Builder feeBasis(String value) {
      feeBasis = value;
      return this;
    }

    public Builder feeDueOn(LocalDate value) {
      feeDueOn = value;
      return this;
    }

    public Builder paymentMethod(String value) {
      paymentMethod = value;
      return this;
    }

    public Builder contact(String value) {
      contact = value;
      return this;
    }

    public Builder issuedOn(LocalDate value) {
      issuedOn = value;
      return this;
    }

    /** The applicant is a legal person or other organisation: the letter says 贵单位, not 您. */
    public Builder organisation(Boolean value) {
      organisation = value;
      return this;
    }

    /** Pages of the material released with the reply (相关文件共 N 页); null or 0: none. */
    public Builder releasedPages(Integer value) {
      releasedPages = value;
      return this;
    }

    public LetterData build() {
      return new LetterData(caseRef, applicantName, addressee, receivedOn, request, decision, reasons, articles,
          exemptionCode, guidance, competentAgency, replyDueOn, extendedDueOn, correctionItems, correctionDueOn,
          consultationDueOn, feeAmount, feeBasis, feeDueOn, paymentMethod, contact, issuedOn, organisation, releasedPages);
    }
  }
}
