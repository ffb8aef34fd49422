package cn.gongkai.portal;

import cn.gongkai.agency.AgencyStarts;
import cn.gongkai.letters.Letters;
import cn.gongkai.material.MaterialView;
import cn.gongkai.material.Materials;
import cn.gongkai.letters.StoredDocument;
import cn.gongkai.request.ApplicantType;
import cn.gongkai.request.CaseRegister;
import cn.gongkai.request.DisclosureCase;
import cn.gongkai.request.Labelled;
import cn.gongkai.request.CaseQueryCodes;
import cn.gongkai.request.OnlineSubmissions;
import cn.gongkai.request.PersonalData;
import cn.gongkai.request.RequestRegistration;
import cn.gongkai.web.BadRequestException;
import cn.gongkai.web.BadRequestException.FieldProblem;
import cn.gongkai.web.NotFoundException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the applicant does on the portal: submit a request (it waits for intake's confirmation in the
 * disclosure process), follow it with the 查询码, send a corrected request, download letters. A wrong
 * code and an unknown number look the same; too many wrong codes lock the submission for a while.
 */
@Service
class PortalRequests implements OnlineSubmissions, CaseQueryCodes {

  static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
  /** The one answer for an unknown number, a wrong code and a locked submission. */
  static final String NOT_FOUND = "未找到该申请，或查询码不正确（连续输错多次将暂时锁定查询）";

  /** The fields of {@code POST /api/public/requests}: those of {@code POST /api/requests} without channel and date. */
  static final Set<String> TEXT_FIELDS = Set.of("applicantType", "applicantName", "idType", "idNumber", "phone",
      "address", "email", "description", "purpose", "provisionForm", "deliveryMethod", "agency");
  static final Set<String> OTHER_FIELDS = Set.of(PortalChallenge.FIELD, IdProof.FIELD);

  private final SubmissionStore store;
  private final QueryCodes codes = new QueryCodes();
  private final AgencyDirectory agencies;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final CaseRegister register;
  private final ApplicantLetters applicantLetters;
  private final Letters letters;
  private final PortalMail mail;
  private final PortalSettings settings;
  private final AgencyStarts starts;
  private final Materials materials;

  PortalRequests(SubmissionStore store, AgencyDirectory agencies, RuntimeService runtime, TaskService tasks,
      CaseRegister register, ApplicantLetters applicantLetters, Letters letters, PortalMail mail,
      PortalSettings settings, AgencyStarts starts, Materials materials) {
    this.materials = materials;
    this.store = store;
    this.agencies = agencies;
    this.runtime = runtime;
    this.tasks = tasks;
    this.register = register;
    this.applicantLetters = applicantLetters;
    this.letters = letters;
    this.mail = mail;
    this.settings = settings;
    this.starts = starts;
  }

  static LocalDate today() {
    return ClockUtil.getCurrentTime().toInstant().atZone(BEIJING).toLocalDate();
  }

  static OffsetDateTime now() {
    return ClockUtil.getCurrentTime().toInstant().atOffset(java.time.ZoneOffset.UTC);
  }

  /** The submission number and the 查询码 (shown once, kept only hashed). */
  record Submitted(String submissionNumber, String queryCode) {}

  /**
   * Checks every field (400 naming each wrong one, nothing stored), stores the submission and its ID proof,
   * starts the disclosure process waiting for intake's confirmation and queues the mail, in one transaction.
   */
  @Transactional
  public Submitted submit(Map<String, Object> body) {
    List<FieldProblem> problems = new ArrayList<>();
    Map<String, String> text = new HashMap<>();
    for (Map.Entry<String, Object> e : body.entrySet()) {
      String field = e.getKey();
      if (TEXT_FIELDS.contains(field)) {
        if (e.getValue() != null && !(e.getValue() instanceof String)) {
          problems.add(new FieldProblem(field, "应为文本"));
        } else if (e.getValue() != null && !((String) e.getValue()).isBlank()) {
          text.put(field, ((String) e.getValue()).strip());
        }
      } else if (!OTHER_FIELDS.contains(field)) {
        problems.add(new FieldProblem(field, "不支持的字段：" + field));
      }
    }
    if (!problems.isEmpty()) {
      throw new BadRequestException(problems);
    }
    Map<String, Object> fields = new HashMap<>(text);
    fields.remove("agency");
    fields.put("channel", "ONLINE");
    LocalDate today = today();
    fields.put("receivedOn", today.toString());
    RequestRegistration r;
    try {
      r = RequestRegistration.parse(fields, today);
    } catch (BadRequestException e) {
      problems.addAll(e.problems());
      r = null;
    }
    String agencyCode = text.get("agency");
    if (agencyCode == null) {
      agencyCode = agencies.list().stream().findFirst().map(AgencyDirectory.PublicAgency::code).orElse(null);
    } else if (agencies.find(agencyCode).isEmpty()) {
      problems.add(new FieldProblem("agency", "受理机关不在可选列表中：" + agencyCode));
    }
    IdProof proof = null;
    try {
      proof = IdProof.read(body.get(IdProof.FIELD), settings.idProofMaxBytes());
    } catch (BadRequestException e) {
      problems.addAll(e.problems());
    }
    if (!problems.isEmpty()) {
      throw new BadRequestException(problems);
    }
    Map<String, String> stored = new HashMap<>();
    stored.put("applicantType", r.applicantType().name());
    stored.put("applicantName", r.applicantName());
    stored.put("idType", r.idType().name());
    stored.put("idNumber", r.idNumber());
    stored.put("phone", r.phone());
    stored.put("address", r.address());
    stored.put("email", r.email());
    stored.put("description", r.description());
    stored.put("purpose", r.purpose());
    stored.put("provisionForm", r.provisionForm() == null ? null : r.provisionForm().name());
    stored.put("deliveryMethod", r.deliveryMethod() == null ? null : r.deliveryMethod().name());
    String code = codes.newCode();
    String salt = codes.newSalt();
    String number = codes.newSubmissionNumber(today);
    long id = store.insert(number, salt, QueryCodes.hash(salt, code), agencyCode, stored, now(), today);
    if (proof != null) {
      store.insertAttachment(id, proof, now());
    }
    // only what screening may see goes into the process; personal data stays in the portal's table
    Map<String, Object> variables = new HashMap<>();
    variables.put(OnlineSubmissions.SUBMISSION_NUMBER, number);
    variables.put("submittedOn", today.toString());
    variables.put("channel", "ONLINE");
    variables.put("description", r.description());
    variables.put("purpose", r.purpose());
    variables.put("provisionForm", stored.get("provisionForm"));
    variables.put("deliveryMethod", stored.get("deliveryMethod"));
    variables.put("applicantNameMasked", PersonalData.maskName(r.applicantName(), r.applicantType()));
    variables.put("idProofAttached", proof != null);
    // the instance belongs to the chosen agency's tenant: only its intake sees the confirmation task
    String chosen = agencyCode;
    ProcessInstance instance = starts.in(chosen,
        () -> runtime.startProcessInstanceByKey("disclosure-request", number, variables));
    store.linkProcessInstance(id, instance.getId());
    mail.submitted(store.get(id), code);
    return new Submitted(number, code);
  }

  // --- OnlineSubmissions: the disclosure process confirms or refuses ---

  @Override
  public Optional<PendingSubmission> pending(String processInstanceId) {
    return store.byProcessInstance(processInstanceId)
        .filter(s -> s.state() == Submission.State.SUBMITTED)
        .map(s -> {
          Map<String, Object> f = new HashMap<>();
          f.put("applicantType", s.applicantType());
          f.put("applicantName", s.applicantName());
          f.put("idType", s.idType());
          f.put("idNumber", s.idNumber());
          f.put("phone", s.phone());
          f.put("address", s.address());
          f.put("email", s.email());
          f.put("description", s.description());
          f.put("purpose", s.purpose());
          f.put("provisionForm", s.provisionForm());
          f.put("deliveryMethod", s.deliveryMethod());
          return new PendingSubmission(s.submissionNumber(), s.agencyCode(), s.submittedOn(), f);
        });
  }

  @Override
  public void accepted(String processInstanceId, long caseId, LocalDate receivedOn) {
    Submission s = store.byProcessInstance(processInstanceId).orElseThrow();
    store.accepted(s.id(), caseId, receivedOn);
  }

  @Override
  public void refused(String processInstanceId, String reason, LocalDate refusedOn) {
    Submission s = store.byProcessInstance(processInstanceId).orElseThrow();
    store.refused(s.id(), reason, refusedOn);
    mail.refused(s);
  }

  // --- CaseQueryCodes: a request registered at the desk gets a 查询码 too ---

  /**
   * A row without personal data (that stays in the case register), already accepted and linked to its case,
   * so tracking by case number and code works as for an online submission; its number starts with DJ (登记).
   */
  @Override
  public String issue(long caseId, String processInstanceId, String agencyCode, LocalDate receivedOn) {
    String code = codes.newCode();
    String salt = codes.newSalt();
    String number = codes.newDeskNumber(receivedOn);
    long id = store.insert(number, salt, QueryCodes.hash(salt, code), agencyCode, Map.of(), now(), receivedOn);
    store.linkProcessInstance(id, processInstanceId);
    store.accepted(id, caseId, receivedOn);
    return code;
  }

  // --- the applicant follows the request ---

  /** The submission with that number (or, failing that, that case number) if the code is right; else 404. */
  Submission verified(String number, String code) {
    Optional<Submission> found = number == null ? Optional.empty()
        : store.byNumber(number.strip().toUpperCase(java.util.Locale.ROOT))
            .or(() -> store.byCaseNumber(number.strip()));
    if (found.isEmpty() || code == null || code.isBlank() || code.length() > 64) {
      // the same work as a real check: no timing difference between unknown and wrong
      QueryCodes.matches("0", "0".repeat(64), code == null ? "" : code.substring(0, Math.min(code.length(), 64)));
      throw new NotFoundException(NOT_FOUND);
    }
    Submission s = found.get();
    if (s.lockedUntil() != null && s.lockedUntil().isAfter(now())) {
      throw new NotFoundException(NOT_FOUND);
    }
    if (!QueryCodes.matches(s.querySalt(), s.queryHash(), code)) {
      store.recordWrongCode(s.id(), settings.lockout().maxFailures(), now().plusMinutes(settings.lockout().minutes()));
      throw new NotFoundException(NOT_FOUND);
    }
    store.resetWrongCodes(s.id());
    return s;
  }

  /** What the applicant sees: the state in plain Chinese, dates, letters; nothing internal. */
  Map<String, Object> view(Submission s, String code) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("submissionNumber", s.submissionNumber());
    json.put("agency", agencies.find(s.agencyCode()).map(AgencyDirectory.PublicAgency::name).orElse(null));
    json.put("submittedOn", s.submittedOn().toString());
    DisclosureCase c = s.caseId() == null ? null : register.get(s.caseId());
    String state = PortalState.of(s, c);
    json.put("state", state);
    json.put("caseNumber", c == null ? null : c.caseNumber());
    json.put("receivedOn", c == null ? null : String.valueOf(c.receivedOn()));
    json.put("correctedOn", c == null || c.correctedOn() == null ? null : c.correctedOn().toString());
    boolean running = c != null && c.repliedOn() == null && c.archivedAt() == null
        && !PortalState.NEEDS_CORRECTION.equals(state);
    json.put("replyDueOn", running && c.replyDueOn() != null ? c.replyDueOn().toString() : null);
    json.put("repliedOn", c == null || c.repliedOn() == null ? null : c.repliedOn().toString());
    json.put("refusalReason", s.state() == Submission.State.REFUSED ? s.refusalReason() : null);
    json.put("correctionOpen", c != null && correctionTask(c).isPresent());
    List<Map<String, Object>> list = new ArrayList<>();
    if (c != null) {
      for (StoredDocument d : applicantLetters.of(c)) {
        Map<String, Object> letter = new LinkedHashMap<>();
        letter.put("title", d.kind().title());
        letter.put("number", d.number());
        letter.put("issuedOn", d.issuedOn().toString());
        letter.put("url", "/api/public/requests/" + s.submissionNumber() + "/letters/" + d.id() + "?code="
            + URLEncoder.encode(code, StandardCharsets.UTF_8));
        list.add(letter);
      }
    }
    json.put("letters", list);
    List<Map<String, Object>> released = new ArrayList<>();
    for (MaterialView m : releasedMaterials(c)) {
      Map<String, Object> file = new LinkedHashMap<>();
      file.put("fileName", redactedName(m));
      file.put("pages", m.redactedPages());
      file.put("url", "/api/public/requests/" + s.submissionNumber() + "/materials/" + m.id() + "?code="
          + URLEncoder.encode(code, StandardCharsets.UTF_8));
      released.add(file);
    }
    json.put("materials", released);
    return json;
  }

  /**
   * The files released to the applicant: only once the reply that releases them was delivered (送达), and only as
   * their redacted copies (the originals never leave the agency).
   */
  private List<MaterialView> releasedMaterials(DisclosureCase c) {
    if (c == null || c.repliedOn() == null || c.outcome() == null || !c.outcome().releasesInformation()) {
      return List.of();
    }
    return materials.release(c.caseNumber()).materials();
  }

  /** The redacted copy of a released file of the applicant's case (a PDF), else 404. */
  cn.gongkai.letters.DocumentContent releasedFile(Submission s, long materialId) {
    if (s.caseId() == null) {
      throw new NotFoundException("文件不存在");
    }
    DisclosureCase c = register.get(s.caseId());
    MaterialView m = releasedMaterials(c).stream().filter(x -> x.id() == materialId).findFirst()
        .orElseThrow(() -> new NotFoundException("文件不存在"));
    return new cn.gongkai.letters.DocumentContent(redactedName(m), "application/pdf", materials.redacted(m.id()));
  }

  private static String redactedName(MaterialView m) {
    return m.fileName().replaceAll("\\.[A-Za-z0-9]{1,5}$", "") + ".pdf";
  }

  /** A letter of the applicant's case, if it is one issued to the applicant. */
  cn.gongkai.letters.DocumentContent letter(Submission s, long documentId) {
    if (s.caseId() == null) {
      throw new NotFoundException("文书不存在");
    }
    DisclosureCase c = register.get(s.caseId());
    return applicantLetters.of(c).stream().filter(d -> d.id() == documentId).findFirst()
        .map(d -> letters.content(d.id(), null))
        .orElseThrow(() -> new NotFoundException("文书不存在"));
  }

  private Optional<Task> correctionTask(DisclosureCase c) {
    if (c.processInstanceId() == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(tasks.createTaskQuery().processInstanceId(c.processInstanceId())
        .taskDefinitionKey("Task_RegisterCorrection").singleResult());
  }

  /**
   * The corrected request, received today: recorded as the correction received, so the reply clock restarts
   * from today (条例第三十条) and screening sees the corrected text.
   */
  @Transactional
  public void correct(Submission s, Object description) {
    DisclosureCase c = s.caseId() == null ? null : register.get(s.caseId());
    Task task = c == null ? null : correctionTask(c).orElse(null);
    if (task == null) {
      throw new BadRequestException("description", "该申请当前不需要补正");
    }
    if (!(description instanceof String text) || text.isBlank()) {
      throw new BadRequestException("description", "补正后的申请内容为必填项");
    }
    String corrected = text.strip();
    if (corrected.length() > 4000) {
      throw new BadRequestException("description", "补正后的申请内容不能超过4000个字");
    }
    LocalDate today = today();
    store.insertCorrection(s.id(), today, now(), corrected);
    Map<String, Object> variables = new HashMap<>();
    variables.put("correctedOn", today.toString());
    variables.put("correctedDescription", corrected);
    variables.put("description", corrected);
    tasks.complete(task.getId(), variables);
  }

  /** The ID proof, for staff of the submission's agency only (another agency's answers as if it did not exist). */
  Optional<IdProof> idProof(String submissionNumber, java.util.function.Predicate<String> agencyVisible) {
    return store.byNumber(submissionNumber).filter(s -> agencyVisible.test(s.agencyCode()))
        .flatMap(s -> store.attachment(s.id()));
  }

  Optional<Submission> byNumber(String submissionNumber) {
    return store.byNumber(submissionNumber);
  }

  static String label(Labelled value) {
    return value == null ? null : value.label();
  }

  static String masked(String name, String type) {
    return PersonalData.maskName(name, ApplicantType.valueOf(type));
  }
}
