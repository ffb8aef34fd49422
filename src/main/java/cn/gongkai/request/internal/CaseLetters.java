package cn.gongkai.request.internal;

import cn.gongkai.letters.ArchiveInput;
import cn.gongkai.letters.CaseArchive;
import cn.gongkai.letters.CaseRef;
import cn.gongkai.letters.DeliveryMethod;
import cn.gongkai.letters.LetterData;
import cn.gongkai.letters.LetterKind;
import cn.gongkai.letters.Letters;
import cn.gongkai.letters.StoredDocument;
import cn.gongkai.request.CaseRegister;
import cn.gongkai.request.DisclosureCase;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.LocalDate;
import java.util.function.UnaryOperator;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * The letters a case produces at its steps (domain §5): each is generated from the register record,
 * numbered, stored with the case and named in the process variables {@code currentLetterId} /
 * {@code currentLetterName} (the reply letter also in {@code replyLetterId}) so the next form links to it.
 */
@Component
class CaseLetters {

  static final String SYSTEM = "系统";

  private final Letters letters;
  private final CaseArchive archive;
  private final CaseRegister register;
  private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  CaseLetters(Letters letters, CaseArchive archive, CaseRegister register) {
    this.letters = letters;
    this.archive = archive;
    this.register = register;
  }

  static CaseRef ref(DisclosureCase c) {
    return new CaseRef(CaseRef.DISCLOSURE, c.id(), c.caseNumber(), c.agencyCode());
  }

  /** Generates a notice or letter of that kind for the case, filled from the register and {@code details}. */
  StoredDocument issue(VariableScope scope, long caseId, LetterKind kind, UnaryOperator<LetterData.Builder> details,
      String user) {
    StoredDocument document = letters.generate(kind, details.apply(data(caseId)).build(), by(user));
    name(scope, document);
    return document;
  }

  private LetterData.Builder data(long caseId) {
    DisclosureCase c = register.get(caseId);
    return LetterData.builder(ref(c))
        .applicantName(c.applicantName())
        .organisation(c.applicantType() != cn.gongkai.request.ApplicantType.NATURAL_PERSON)
        .addressee(c.applicantName())
        .receivedOn(c.receivedOn())
        .request(c.description())
        .replyDueOn(c.replyDueOn())
        .issuedOn(ReplyClock.today());
  }

  private static void name(VariableScope scope, StoredDocument document) {
    scope.setVariable("currentLetterId", document.id());
    scope.setVariable("currentLetterName", document.kind().title() + " "
        + (document.number() == null ? Letters.UNNUMBERED : document.number()));
  }

  private static String by(String user) {
    return user == null ? SYSTEM : user;
  }

  /** The reply letter: a new version of the current one while the kind stays, else a new letter. */
  StoredDocument issueReply(VariableScope scope, long caseId, LetterKind kind,
      UnaryOperator<LetterData.Builder> details, String user) {
    return reply(scope, caseId, kind, details, user, false);
  }

  /**
   * The handler's reply letter, an unnumbered draft until sign-off (a new version while the kind stays,
   * else a new draft): a reply returned by the reviewer or the leader consumes no number.
   */
  StoredDocument draftReply(VariableScope scope, long caseId, LetterKind kind,
      UnaryOperator<LetterData.Builder> details, String user) {
    return reply(scope, caseId, kind, details, user, true);
  }

  private StoredDocument reply(VariableScope scope, long caseId, LetterKind kind,
      UnaryOperator<LetterData.Builder> details, String user, boolean draft) {
    StoredDocument current = replyLetter(scope, caseId);
    StoredDocument document;
    if (current != null && current.kind() == kind && !current.frozen()) {
      document = letters.regenerate(current.id(), details.apply(data(caseId)).build(), by(user));
    } else if (draft) {
      document = letters.draft(kind, details.apply(data(caseId)).build(), by(user));
    } else {
      document = letters.generate(kind, details.apply(data(caseId)).build(), by(user));
    }
    name(scope, document);
    scope.setVariable("replyLetterId", document.id());
    return document;
  }

  /** The case's current reply letter, checked to belong to the case (a variable alone proves nothing). */
  private StoredDocument replyLetter(VariableScope scope, long caseId) {
    if (scope.getVariable("replyLetterId") instanceof Number id) {
      StoredDocument document = letters.peek(id.longValue());
      if (CaseRef.DISCLOSURE.equals(document.caseRef().kind()) && document.caseRef().id() == caseId) {
        return document;
      }
    }
    return null;
  }

  /** The reply letter signed off on {@code signedOn}: dated that day, numbered now, no longer changing. */
  void signReply(VariableScope scope, long caseId, LocalDate signedOn, String user) {
    StoredDocument reply = replyLetter(scope, caseId);
    if (reply != null) {
      name(scope, letters.sign(reply.id(), signedOn, by(user)));
    }
  }

  /** Records how and when the reply letter reached the applicant; returns the date that counts as the reply. */
  LocalDate deliverReply(VariableScope scope, long caseId, DeliveryMethod method, LocalDate deliveredOn,
      LocalDate postedOn, String user) {
    StoredDocument reply = replyLetter(scope, caseId);
    if (reply == null) {
      return method == DeliveryMethod.POST ? postedOn : deliveredOn;
    }
    letters.freeze(reply.id(), by(user));
    letters.recordDelivery(reply.id(), method, deliveredOn, postedOn, by(user));
    return letters.replyDate(reply.id()).orElse(deliveredOn);
  }

  /**
   * Writes the immutable archive package: register record, every letter, the history, the released material
   * (originals, redacted copies, redaction log), checksums.
   */
  void archive(long caseId, String user, java.util.List<ArchiveInput.Attachment> material) {
    DisclosureCase c = register.get(caseId);
    try {
      String registerJson = json.writeValueAsString(c);
      var history = register.events(caseId).stream()
          .map(e -> new ArchiveInput.HistoryEntry(e.stepKey(), e.stepName(), e.actor(), e.occurredAt(),
              e.decision(), e.comment()))
          .toList();
      archive.write(new ArchiveInput(ref(c), registerJson, history, java.util.List.of(), material, by(user)));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot write the register record of case " + c.caseNumber(), e);
    }
  }
}
