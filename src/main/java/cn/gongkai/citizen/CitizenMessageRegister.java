package cn.gongkai.citizen;

import cn.gongkai.agency.Agency;
import cn.gongkai.numbering.NumberSequence;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The register of citizens' messages ({@code gk_citizen_message}): the facts with the days they happened, the
 * clocks supervision reads, and the citizen's contact data, which never leaves this table for the engine.
 */
@Repository
public class CitizenMessageRegister {

  static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
  static final String CASE_NUMBER_KIND = "CITIZEN_MESSAGE";

  private final JdbcClient jdbc;
  private final NumberSequence numbers;
  private final CitizenMessageSettings settings;

  CitizenMessageRegister(JdbcClient jdbc, NumberSequence numbers, CitizenMessageSettings settings) {
    this.jdbc = jdbc;
    this.numbers = numbers;
    this.settings = settings;
  }

  /** A message to register, as the website, 12345 or the office recorded it. */
  public record Received(MessageChannel channel, LocalDate receivedOn, MessageType type, String subject,
      String content, boolean publicationAgreed, String citizenName, String citizenPhone, String citizenEmail) {}

  /** Numbers and stores a message with its acceptance deadline; in the caller's transaction. */
  public CitizenMessage register(Agency agency, Received m, LocalDate acceptDueOn, boolean provisional,
      OffsetDateTime now, String registeredBy) {
    int year = m.receivedOn().getYear();
    long seq = numbers.next(agency.code(), CASE_NUMBER_KIND, year);
    String caseNumber = settings.caseNumberPattern().replace("YYYY", Integer.toString(year))
        .replace("N", Long.toString(seq)).replace("{agency}", agency.shortName());
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("""
            INSERT INTO gk_citizen_message (agency_code, case_number, case_year, case_seq, channel, received_on,
              message_type, subject, content, publication_agreed, citizen_name, citizen_phone, citizen_email,
              registered_at, registered_by, accept_due_on, accept_due_provisional, clock_due_on,
              clock_due_provisional, status)
            VALUES (:agency, :number, :year, :seq, :channel, :receivedOn, :type, :subject, :content, :agreed, :name,
              :phone, :email, :now, :user, :due, :provisional, :due, :provisional, 'OPEN')""")
        .param("agency", agency.code())
        .param("number", caseNumber)
        .param("year", year)
        .param("seq", seq)
        .param("channel", m.channel().name())
        .param("receivedOn", m.receivedOn())
        .param("type", m.type().name())
        .param("subject", m.subject())
        .param("content", m.content())
        .param("agreed", m.publicationAgreed())
        .param("name", m.citizenName())
        .param("phone", m.citizenPhone())
        .param("email", m.citizenEmail())
        .param("now", now)
        .param("user", registeredBy)
        .param("due", acceptDueOn)
        .param("provisional", provisional)
        .update(keys, "id");
    return get(keys.getKeyAs(Number.class).longValue());
  }

  public CitizenMessage get(long id) {
    return jdbc.sql("SELECT * FROM gk_citizen_message WHERE id = ?").param(id).query(ROW).single();
  }

  public Optional<CitizenMessage> findByProcessInstance(String processInstanceId) {
    return jdbc.sql("SELECT * FROM gk_citizen_message WHERE process_instance_id = ?").param(processInstanceId)
        .query(ROW).optional();
  }

  /** The message of that number in that agency. */
  public Optional<CitizenMessage> findByNumber(String agencyCode, String caseNumber) {
    return jdbc.sql("SELECT * FROM gk_citizen_message WHERE agency_code = ? AND case_number = ?")
        .params(agencyCode, caseNumber).query(ROW).optional();
  }

  /** Messages of that number in any agency (numbers are unique per agency only). */
  public List<CitizenMessage> findByNumber(String caseNumber) {
    return jdbc.sql("SELECT * FROM gk_citizen_message WHERE case_number = ? ORDER BY id").param(caseNumber)
        .query(ROW).list();
  }

  /**
   * Links the registered, not yet linked message of that number in that agency to its process instance; false
   * when there is none (a process started around the register).
   */
  public boolean link(String agencyCode, String caseNumber, String processInstanceId) {
    return jdbc.sql("UPDATE gk_citizen_message SET process_instance_id = ? WHERE agency_code = ? AND case_number = ?"
            + " AND process_instance_id IS NULL")
        .params(processInstanceId, agencyCode, caseNumber).update() == 1;
  }

  void update(long id, String setClause, Object... params) {
    Object[] all = new Object[params.length + 1];
    System.arraycopy(params, 0, all, 0, params.length);
    all[params.length] = id;
    jdbc.sql("UPDATE gk_citizen_message SET " + setClause + " WHERE id = ?").params(all).update();
  }

  public void enterStep(long id, String step, String stepName, String group) {
    update(id, "current_step = ?, current_step_name = ?, current_group = ?", step, stepName, group);
  }

  public void recordRefusal(long id, LocalDate refusedOn, String reason) {
    update(id, "refused_on = ?, refusal_reason = ?, outcome = 'REFUSED', clock_done_on = ?", refusedOn, reason,
        refusedOn);
  }

  /** Accepted and transferred (受理并转办) on that day: from now on the answer clock is the one supervised. */
  public void recordAcceptance(long id, LocalDate acceptedOn, String department, int limit, LocalDate answerDueOn,
      boolean provisional) {
    update(id, "accepted_on = ?, responsible_department = ?, transferred_on = ?, transfer_count = transfer_count + 1,"
            + " answer_limit_working_days = ?, answer_due_on = ?, answer_due_provisional = ?, clock_due_on = ?,"
            + " clock_due_provisional = ?, clock_done_on = NULL",
        acceptedOn, department, acceptedOn, limit, answerDueOn, provisional, answerDueOn, provisional);
  }

  /** Transferred again after a department sent it back (the answer clock runs on). */
  public void recordRetransfer(long id, LocalDate transferredOn, String department) {
    update(id, "responsible_department = ?, transferred_on = ?, transfer_count = transfer_count + 1", department,
        transferredOn);
  }

  /** 退回: the department says the message is not theirs; the office must transfer it again by that day. */
  public void recordReturn(long id, String reason, LocalDate retransferDueOn) {
    update(id, "return_count = return_count + 1, last_return_reason = ?, accept_due_on = ?", reason,
        retransferDueOn);
  }

  public void recordExtensionRequest(long id, String reason) {
    update(id, "extension_reason = ?", reason);
  }

  public void recordExtension(long id, int workingDays, LocalDate approvedOn, LocalDate answerDueOn,
      boolean provisional) {
    update(id, "extension_working_days = ?, extension_approved_on = ?, answer_due_on = ?, answer_due_provisional = ?,"
            + " clock_due_on = ?, clock_due_provisional = ?",
        workingDays, approvedOn, answerDueOn, provisional, answerDueOn, provisional);
  }

  public void recordAnswer(long id, LocalDate answeredOn, String text, String department) {
    update(id, "answered_on = ?, answer_text = ?, answered_by_department = ?, clock_done_on = ?", answeredOn, text,
        department, answeredOn);
  }

  /** The review sent the answer back: it is not given until approved. */
  public void clearAnswer(long id) {
    update(id, "answered_on = NULL, clock_done_on = NULL");
  }

  public void recordReview(long id, LocalDate reviewedOn) {
    update(id, "reviewed_on = ?, outcome = 'ANSWERED'", reviewedOn);
  }

  public void recordFeedback(long id, LocalDate feedbackOn, String method) {
    update(id, "feedback_on = ?, feedback_method = ?", feedbackOn, method);
  }

  public void recordPublication(long id, LocalDate publishedOn, String url) {
    update(id, "published_on = ?, published_url = ?", publishedOn, url);
  }

  public void markOverdue(long id) {
    update(id, "overdue = TRUE");
  }

  public void close(long id, OffsetDateTime at) {
    update(id, "status = 'CLOSED', closed_at = ?, current_step = NULL, current_step_name = NULL,"
        + " current_group = NULL", at);
  }

  /** One step of the message's history; never the citizen's contact data. */
  public void recordEvent(long id, String step, String stepName, String actor, OffsetDateTime at, LocalDate factOn,
      String decision, String comment) {
    jdbc.sql("INSERT INTO gk_citizen_message_event (message_id, step, step_name, actor, recorded_at, fact_on,"
            + " decision, comment) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        .params(id, step, stepName, actor, at, factOn, decision, comment).update();
  }

  /** A step of a message's history. */
  public record Event(String step, String stepName, String actor, OffsetDateTime recordedAt, LocalDate factOn,
      String decision, String comment) {}

  public List<Event> events(long id) {
    return jdbc.sql("SELECT step, step_name, actor, recorded_at, fact_on, decision, comment"
            + " FROM gk_citizen_message_event WHERE message_id = ? ORDER BY id")
        .param(id)
        .query((rs, n) -> new Event(rs.getString(1), rs.getString(2), rs.getString(3),
            rs.getObject(4, OffsetDateTime.class), rs.getObject(5, LocalDate.class), rs.getString(6),
            rs.getString(7)))
        .list();
  }

  /**
   * Per department, of the messages received in that year and accepted (转办): how many it received, answered by
   * the deadline, answered late, and still unanswered with the deadline passed by {@code today}; from the facts'
   * days, not from timers. The department is the one that holds the message last (after any 退回).
   */
  public record DepartmentCount(String department, long received, long answered, long answeredOnTime,
      long answeredLate, long open, long openOverdue) {}

  public List<DepartmentCount> statistics(java.util.Collection<String> agencies, int year, LocalDate today) {
    String agencyFilter = agencies == null ? "" : agencies.isEmpty() ? " AND 1 = 0" : " AND agency_code IN (:agencies)";
    var spec = jdbc.sql("""
            SELECT responsible_department,
              COUNT(*),
              SUM(CASE WHEN answered_on IS NOT NULL THEN 1 ELSE 0 END),
              SUM(CASE WHEN answered_on IS NOT NULL AND answered_on <= answer_due_on THEN 1 ELSE 0 END),
              SUM(CASE WHEN answered_on IS NOT NULL AND answered_on > answer_due_on THEN 1 ELSE 0 END),
              SUM(CASE WHEN answered_on IS NULL THEN 1 ELSE 0 END),
              SUM(CASE WHEN answered_on IS NULL AND answer_due_on < :today THEN 1 ELSE 0 END)
            FROM gk_citizen_message
            WHERE accepted_on IS NOT NULL AND received_on >= :from AND received_on < :to""" + agencyFilter + """

            GROUP BY responsible_department ORDER BY responsible_department""")
        .param("today", today)
        .param("from", LocalDate.of(year, 1, 1))
        .param("to", LocalDate.of(year + 1, 1, 1));
    if (agencies != null && !agencies.isEmpty()) {
      spec = spec.param("agencies", List.copyOf(agencies));
    }
    return spec.query((rs, n) -> new DepartmentCount(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
        rs.getLong(5), rs.getLong(6), rs.getLong(7))).list();
  }

  /** Messages received in that year and refused (不予受理), for the statistics' totals. */
  public long refusedCount(java.util.Collection<String> agencies, int year) {
    String agencyFilter = agencies == null ? "" : agencies.isEmpty() ? " AND 1 = 0" : " AND agency_code IN (:agencies)";
    var spec = jdbc.sql("SELECT COUNT(*) FROM gk_citizen_message WHERE refused_on IS NOT NULL AND received_on >= :from"
            + " AND received_on < :to" + agencyFilter)
        .param("from", LocalDate.of(year, 1, 1))
        .param("to", LocalDate.of(year + 1, 1, 1));
    if (agencies != null && !agencies.isEmpty()) {
      spec = spec.param("agencies", List.copyOf(agencies));
    }
    return spec.query(Long.class).single();
  }

  private static final RowMapper<CitizenMessage> ROW = CitizenMessageRegister::row;

  private static CitizenMessage row(ResultSet rs, int n) throws SQLException {
    return new CitizenMessage(rs.getLong("id"), rs.getString("agency_code"), rs.getString("case_number"),
        rs.getString("process_instance_id"), MessageChannel.valueOf(rs.getString("channel")),
        rs.getObject("received_on", LocalDate.class), MessageType.valueOf(rs.getString("message_type")),
        rs.getString("subject"), rs.getString("content"), rs.getBoolean("publication_agreed"),
        rs.getString("citizen_name"), rs.getString("citizen_phone"), rs.getString("citizen_email"),
        rs.getObject("accept_due_on", LocalDate.class), rs.getObject("accepted_on", LocalDate.class),
        rs.getObject("refused_on", LocalDate.class), rs.getString("refusal_reason"),
        rs.getString("responsible_department"), rs.getObject("transferred_on", LocalDate.class),
        rs.getInt("transfer_count"), rs.getInt("return_count"), rs.getString("last_return_reason"),
        (Integer) rs.getObject("answer_limit_working_days", Integer.class),
        rs.getObject("answer_due_on", LocalDate.class), rs.getBoolean("answer_due_provisional"),
        (Integer) rs.getObject("extension_working_days", Integer.class),
        rs.getObject("extension_approved_on", LocalDate.class), rs.getString("extension_reason"),
        rs.getObject("answered_on", LocalDate.class), rs.getString("answer_text"),
        rs.getObject("reviewed_on", LocalDate.class), rs.getObject("feedback_on", LocalDate.class),
        rs.getString("feedback_method"), rs.getObject("published_on", LocalDate.class),
        rs.getString("published_url"), rs.getObject("clock_due_on", LocalDate.class),
        rs.getObject("clock_done_on", LocalDate.class), rs.getString("status"), rs.getString("outcome"),
        rs.getString("current_step"), rs.getString("current_step_name"), rs.getString("current_group"),
        rs.getBoolean("overdue"));
  }
}
