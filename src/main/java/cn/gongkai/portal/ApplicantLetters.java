package cn.gongkai.portal;

import cn.gongkai.letters.CaseRef;
import cn.gongkai.letters.LetterKind;
import cn.gongkai.letters.Letters;
import cn.gongkai.letters.StoredDocument;
import cn.gongkai.request.DisclosureCase;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The letters a case has issued to the applicant: notices once numbered, a reply once delivered (送达).
 * Letters to third parties or other agencies, and drafts, are never shown.
 */
@Component
class ApplicantLetters {

  private final Letters letters;

  ApplicantLetters(Letters letters) {
    this.letters = letters;
  }

  List<StoredDocument> of(DisclosureCase c) {
    CaseRef ref = new CaseRef(CaseRef.DISCLOSURE, c.id(), c.caseNumber(), c.agencyCode());
    return letters.documents(ref).stream().filter(this::issuedToApplicant).toList();
  }

  private boolean issuedToApplicant(StoredDocument d) {
    if (d.kind().audience() != LetterKind.Audience.APPLICANT || d.number() == null) {
      return false;
    }
    return !d.kind().isOutcome() || !letters.deliveries(d.id()).isEmpty();
  }
}
