package cn.gongkai.letters;

import cn.gongkai.GongkaiApplication;
import cn.gongkai.agency.Agencies;
import cn.gongkai.agency.Agency;
import cn.gongkai.calendar.WorkingDayCalendar;
import cn.gongkai.numbering.NumberSequence;
import cn.gongkai.web.BadRequestException;
import cn.gongkai.web.NotFoundException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Generates, stores, corrects, freezes and delivers a case's letters and notices. Every letter gets the
 * next document number of its agency, kind and year (gap-free: a rolled-back generation gives it back).
 * Process delegates call this; it knows nothing of the engine.
 */
@Service
public class Letters {

  private static final ZoneId ZONE = ZoneId.of(GongkaiApplication.ZONE);

  private final DocumentStore store;
  private final NumberSequence numbers;
  private final Agencies agencies;
  private final DocumentNumberFormat numberFormat;
  private final String defaultContact;
  private final WorkingDayCalendar calendar;
  private final LetterRendering rendering;

  Letters(DocumentStore store, NumberSequence numbers, Agencies agencies,
      LettersProperties properties, WorkingDayCalendar calendar, LetterRendering rendering) {
    this.calendar = calendar;
    this.store = store;
    this.rendering = rendering;
    this.numbers = numbers;
    this.agencies = agencies;
    this.numberFormat = new DocumentNumberFormat(properties.numberPattern(), properties.kindMarks());
    this.defaultContact = properties.contact();
  }

  /** Generates the letter from its template, numbers it and stores it as version 1 of a new document. */
  @Transactional
  public StoredDocument generate(LetterKind kind, LetterData data, String user) {
    requireUser(user);
    LetterModel.check(kind, data);
    CaseRef ref = data.caseRef();
    refuseIfArchived(ref);
    Agency agency = issuingAgency(kind, ref);
    LocalDate issuedOn = data.issuedOn() != null ? data.issuedOn() : today();
    int year = issuedOn.getYear();
    long seq = numbers.next(agency.code(), "LETTER_" + kind.name(), year);
    String number = numberFormat.format(agency.shortName(), agency.code(), kind, year, seq);
    Map<String, Object> model = model(kind, data, agency, number, issuedOn);
    OffsetDateTime now = now();
    long id = store.insertDocument(ref, kind, number, year, seq, issuedOn, now, user);
    rendering.store(id, 1, number + "_" + kind.title() + ".docx", kind, model, now, user, "系统生成");
    return peek(id);
  }

  /** What a draft shows where its number will be (it is given at sign-off). */
  public static final String UNNUMBERED = "（签发时编号）";

  /**
   * Generates a reply letter as an unnumbered draft: it is reviewed, perhaps returned and redrafted, and
   * gets its number and date only when signed off ({@link #sign}); a draft never signed consumes no number.
   */
  @Transactional
  public StoredDocument draft(LetterKind kind, LetterData data, String user) {
    requireUser(user);
    LetterModel.check(kind, data);
    CaseRef ref = data.caseRef();
    refuseIfArchived(ref);
    Agency agency = issuingAgency(kind, ref);
    LocalDate draftedOn = data.issuedOn() != null ? data.issuedOn() : today();
    Map<String, Object> model = model(kind, data, agency, UNNUMBERED, draftedOn);
    OffsetDateTime now = now();
    long id = store.insertDraft(ref, kind, draftedOn.getYear(), draftedOn, now, user);
    store.saveDraftData(id, DraftData.write(data));
    rendering.store(id, 1, "待签发_" + kind.title() + ".docx", kind, model, now, user, "系统生成（待签发）");
    return peek(id);
  }

  /**
   * Signs the letter off on {@code signedOn} (签发日期): a draft is numbered in that day's year and rendered
   * dated that day as its final version; then no version can follow. Idempotent.
   */
  @Transactional
  public StoredDocument sign(long documentId, LocalDate signedOn, String user) {
    StoredDocument document = store.lock(documentId).orElseThrow(() -> notFound(documentId));
    if (document.frozen()) {
      return document;
    }
    if (document.number() == null) {
      LetterData data = DraftData.read(store.draftData(documentId).orElseThrow()).toBuilder().issuedOn(signedOn)
          .build();
      LetterModel.check(document.kind(), data);
      Agency agency = issuingAgency(document.kind(), document.caseRef());
      int year = signedOn.getYear();
      long seq = numbers.next(agency.code(), "LETTER_" + document.kind().name(), year);
      String number = numberFormat.format(agency.shortName(), agency.code(), document.kind(), year, seq);
      Map<String, Object> model = model(document.kind(), data, agency, number, signedOn);
      store.number(documentId, number, year, seq, signedOn);
      rendering.store(documentId, document.version() + 1, number + "_" + document.kind().title() + ".docx",
          document.kind(), model, now(), user == null ? "系统" : user, "签发定稿");
    }
    store.freeze(documentId, now(), user);
    return peek(documentId);
  }

  /** Renders the letter again with changed data, keeping its number, as the next version. */
  @Transactional
  public StoredDocument regenerate(long documentId, LetterData data, String user) {
    requireUser(user);
    StoredDocument document = lockOpen(documentId);
    if (data.caseRef() != null && (!data.caseRef().kind().equals(document.caseRef().kind())
        || data.caseRef().id() != document.caseRef().id())) {
      throw new BadRequestException("caseRef", "文书不属于该案件");
    }
    LetterData ofCase = data.forCase(document.caseRef());
    LetterModel.check(document.kind(), ofCase);
    LocalDate issuedOn = ofCase.issuedOn() != null ? ofCase.issuedOn() : today();
    boolean draft = document.number() == null;
    if (!draft && issuedOn.getYear() != document.issuedOn().getYear()) {
      throw new BadRequestException("issuedOn", "发文日期的年份须与文号年份（" + document.issuedOn().getYear() + "）一致");
    }
    Agency agency = issuingAgency(document.kind(), document.caseRef());
    Map<String, Object> model = model(document.kind(), ofCase, agency, draft ? UNNUMBERED : document.number(),
        issuedOn);
    int version = document.version() + 1;
    rendering.store(documentId, version, (draft ? "待签发" : document.number()) + "_" + document.kind().title()
        + ".docx", document.kind(), model, now(), user, "重新生成");
    if (draft) {
      store.saveDraftData(documentId, DraftData.write(ofCase));
    }
    store.updateIssuedOn(documentId, issuedOn);
    return peek(documentId);
  }

  /** Stores a corrected file (.docx or .pdf) as the next version; refused once the document is frozen. */
  @Transactional
  public StoredDocument addVersion(long documentId, String fileName, byte[] content, String user) {
    requireUser(user);
    StoredDocument document = lockOpen(documentId);
    if (store.isClosed(document.caseRef().kind(), document.caseRef().id())) {
      throw new CaseClosedException(document.caseRef().caseNumber());
    }
    String contentType = contentType(content);
    String name = fileName == null || fileName.isBlank() ? document.fileName(".docx") : fileName.strip();
    if (name.length() > 300) {
      name = name.substring(name.length() - 300);
    }
    store.insertVersion(documentId, document.version() + 1, name, contentType, content, now(), user, "上传更正版本");
    return peek(documentId);
  }

  /** Freezes the signed-off document: no further versions. Idempotent. */
  @Transactional
  public StoredDocument freeze(long documentId, String user) {
    StoredDocument document = store.lock(documentId).orElseThrow(() -> notFound(documentId));
    if (!document.frozen()) {
      store.freeze(documentId, now(), user);
    }
    return peek(documentId);
  }

  /** Freezes the signed-off document without naming who signed it off. */
  public StoredDocument freeze(long documentId) {
    return freeze(documentId, null);
  }

  /** The document as of its latest version (its file rendered if it was still waiting), or 404. */
  public StoredDocument get(long documentId) {
    rendering.renderDocument(documentId);
    return peek(documentId);
  }

  /**
   * The document as stored, without waiting for its file: number, kind, case, version; {@code sha256} is null
   * while a generated version is still being rendered. For steps that only need to know which letter it is.
   */
  public StoredDocument peek(long documentId) {
    return store.find(documentId).orElseThrow(() -> notFound(documentId));
  }

  /** The case's documents in the order they were created, each as of its latest version. */
  public List<StoredDocument> documents(CaseRef caseRef) {
    rendering.renderCase(caseRef.kind(), caseRef.id());
    return store.documents(caseRef.kind(), caseRef.id());
  }

  /** Every version of the document, oldest first. */
  public List<DocumentVersion> versions(long documentId) {
    get(documentId);
    return store.versions(documentId);
  }

  /** The content of a version (null = latest), with the name and type to serve it under. */
  public DocumentContent content(long documentId, Integer version) {
    StoredDocument document = get(documentId);
    int wanted = version == null ? document.version() : version;
    DocumentVersion meta = store.versions(documentId).stream()
        .filter(v -> v.version() == wanted)
        .findFirst()
        .orElseThrow(() -> new NotFoundException("文书 " + document.number() + " 没有第" + wanted + "版"));
    byte[] content = store.content(documentId, wanted).orElseThrow();
    String name = document.number() + "_" + document.kind().title()
        + (wanted > 1 ? "_第" + wanted + "版" : "") + meta.extension();
    return new DocumentContent(name, meta.contentType(), content);
  }

  /** Records how and when the document reached its addressee (送达). */
  @Transactional
  public Delivery recordDelivery(long documentId, DeliveryMethod method, LocalDate deliveredOn, LocalDate postedOn) {
    return recordDelivery(documentId, method, deliveredOn, postedOn, null);
  }

  /** Records a delivery and who recorded it; for post the posting day is required (it is the day of reply). */
  @Transactional
  public Delivery recordDelivery(
      long documentId, DeliveryMethod method, LocalDate deliveredOn, LocalDate postedOn, String user) {
    StoredDocument document = peek(documentId);
    if (method == null) {
      throw new BadRequestException("method", "送达方式不能为空");
    }
    if (method == DeliveryMethod.POST) {
      if (postedOn == null) {
        throw new BadRequestException("postedOn", "邮寄送达须填写交邮日期（交邮之日为答复之日）");
      }
      if (deliveredOn != null && deliveredOn.isBefore(postedOn)) {
        throw new BadRequestException("deliveredOn", "签收日期不能早于交邮日期");
      }
    } else {
      if (deliveredOn == null) {
        throw new BadRequestException("deliveredOn", "送达日期不能为空");
      }
      if (postedOn != null) {
        throw new BadRequestException("postedOn", "只有邮寄送达才填写交邮日期");
      }
    }
    LocalDate first = postedOn != null ? postedOn : deliveredOn;
    if (first.isBefore(document.issuedOn())) {
      throw new BadRequestException(postedOn != null ? "postedOn" : "deliveredOn", "送达日期不能早于发文日期");
    }
    LocalDate last = deliveredOn != null ? deliveredOn : postedOn;
    if (last.isAfter(today())) {
      throw new BadRequestException(deliveredOn != null ? "deliveredOn" : "postedOn", "送达日期不能晚于今天");
    }
    long id = store.insertDelivery(documentId, method, deliveredOn, postedOn, now(), user);
    return store.deliveries(documentId).stream().filter(d -> d.id() == id).findFirst().orElseThrow();
  }

  /**
   * The day of reply proven by the deliveries (the earliest, if delivered more than once); what the reply
   * deadline is checked against. Empty while the document has not been delivered.
   */
  public Optional<LocalDate> replyDate(long documentId) {
    return deliveries(documentId).stream().map(Delivery::replyDate).filter(Objects::nonNull).min(LocalDate::compareTo);
  }

  /** The recorded deliveries of the document, oldest first. */
  public List<Delivery> deliveries(long documentId) {
    peek(documentId);
    return store.deliveries(documentId);
  }

  /** What the letter will say, fixed when it is generated (rendered into its template after the commit). */
  private Map<String, Object> model(LetterKind kind, LetterData data, Agency agency, String number,
      LocalDate issuedOn) {
    LetterData withContact = data.contact() == null && defaultContact != null
        ? data.toBuilder().contact(defaultContact).build()
        : data;
    return LetterModel.of(kind, withContact, agency, number, issuedOn, calendar::isKnownYear);
  }

  private Agency issuingAgency(LetterKind kind, CaseRef ref) {
    Agency agency = agencies.get(ref.agencyCode());
    if (kind.carriesRemedy() && (agency.reconsiderationBody() == null || agency.reconsiderationBody().isBlank())) {
      throw new BadRequestException("agency", "机关“" + agency.name() + "”未设置行政复议机关，无法写明救济途径");
    }
    return agency;
  }

  private StoredDocument lockOpen(long documentId) {
    StoredDocument document = store.lock(documentId).orElseThrow(() -> notFound(documentId));
    if (document.frozen()) {
      throw new BadRequestException("document", "文书 " + document.number() + " 已签发定稿，不能再产生新版本");
    }
    refuseIfArchived(document.caseRef());
    return document;
  }

  private void refuseIfArchived(CaseRef ref) {
    if (store.isArchived(ref.kind(), ref.id())) {
      throw new CaseClosedException(ref.caseNumber());
    }
  }

  private static String contentType(byte[] content) {
    if (content == null || content.length == 0) {
      throw new BadRequestException("file", "文件为空");
    }
    if (content.length > 4 && content[0] == '%' && content[1] == 'P' && content[2] == 'D' && content[3] == 'F') {
      return DocumentContent.PDF;
    }
    try (XWPFDocument ignored = new XWPFDocument(new ByteArrayInputStream(content))) {
      return DocumentContent.DOCX;
    } catch (IOException | RuntimeException e) {
      throw new BadRequestException("file", "只能上传 Word 文档（.docx）或 PDF 文件");
    }
  }

  private static void requireUser(String user) {
    if (user == null || user.isBlank()) {
      throw new IllegalArgumentException("user is required");
    }
  }

  private static NotFoundException notFound(long documentId) {
    return new NotFoundException("文书不存在：" + documentId);
  }

  private static LocalDate today() {
    return LocalDate.now(ZONE);
  }

  private static OffsetDateTime now() {
    return OffsetDateTime.now(ZONE);
  }
}
