package cn.gongkai.report;

import java.math.BigDecimal;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes cases straight into the register (gk_disclosure_case) for report tests, under an agency of
 * their own so that tests sharing a database never count each other's cases.
 */
final class RegisterFixture {

  private final JdbcClient jdbc;
  final String agencyCode;
  private int seq;

  private RegisterFixture(JdbcClient jdbc, String agencyCode) {
    this.jdbc = jdbc;
    this.agencyCode = agencyCode;
  }

  /** A fresh agency (a gk_agency row) and a fixture writing its cases. */
  static RegisterFixture newAgency(JdbcClient jdbc) {
    String code = "rpt-" + UUID.randomUUID().toString().substring(0, 8);
    jdbc.sql("INSERT INTO gk_agency (code, name, short_name) VALUES (?, ?, ?)")
        .params(code, "报表测试机关" + code, "报测" + code.substring(4))
        .update();
    return new RegisterFixture(jdbc, code);
  }

  /**
   * As {@link #newAgency(JdbcClient)}, and the agency's Camunda tenant with those staff as members (agencies are
   * tenants, issue 14): the prefecture's supervisors see it through their group.
   */
  static RegisterFixture newAgency(JdbcClient jdbc, org.camunda.bpm.engine.IdentityService identity,
      String... staff) {
    RegisterFixture fixture = newAgency(jdbc);
    org.camunda.bpm.engine.identity.Tenant tenant = identity.newTenant(fixture.agencyCode);
    tenant.setName("报表测试机关" + fixture.agencyCode);
    identity.saveTenant(tenant);
    identity.createTenantGroupMembership(fixture.agencyCode, "prefecture-supervisor");
    for (String user : staff) {
      identity.createTenantUserMembership(fixture.agencyCode, user);
    }
    return fixture;
  }

  /** A case of that applicant type received on that date (ISO); call {@link Case#insert()}. */
  Case received(String applicantType, String receivedOn) {
    return new Case(applicantType, LocalDate.parse(receivedOn));
  }

  /** One case being written; every setter returns the case. */
  final class Case {
    private final String applicantType;
    private final LocalDate receivedOn;
    private String channel = "ONLINE";
    private String status = "OPEN";
    private String outcome;
    private String outcomeCode;
    private LocalDate repliedOn;
    private OffsetDateTime archivedAt;
    private Integer extension;
    private LocalDate dueOn;
    private BigDecimal fee;
    private LocalDate feePaidOn;

    private Case(String applicantType, LocalDate receivedOn) {
      this.applicantType = applicantType;
      this.receivedOn = receivedOn;
    }

    Case channel(String channel) {
      this.channel = channel;
      return this;
    }

    Case status(String status) {
      this.status = status;
      return this;
    }

    Case outcome(String outcome, String outcomeCode) {
      this.outcome = outcome;
      this.outcomeCode = outcomeCode;
      return this;
    }

    /** Answered on that date with that outcome (REFUSE/PARTIAL: with an exemption code); status CLOSED. */
    Case replied(String repliedOn, String outcome, String outcomeCode) {
      this.repliedOn = LocalDate.parse(repliedOn);
      this.outcome = outcome;
      this.outcomeCode = outcomeCode;
      this.status = "CLOSED";
      return this;
    }

    Case replied(String repliedOn, String outcome) {
      return replied(repliedOn, outcome, null);
    }

    /** Closed without a reply (withdrawn or deemed withdrawn), archived at that instant (ISO with offset). */
    Case archivedWithoutReply(String archivedAt, String outcome) {
      this.archivedAt = OffsetDateTime.parse(archivedAt);
      this.outcome = outcome;
      this.status = "CLOSED";
      return this;
    }

    Case extension(int workingDays) {
      this.extension = workingDays;
      return this;
    }

    /** Replied after its reply deadline (超期 comes from the dates): the deadline was the day before. */
    Case overdue() {
      this.dueOn = repliedOn.minusDays(1);
      return this;
    }

    Case fee(String amount, String paidOn) {
      this.fee = new BigDecimal(amount);
      this.feePaidOn = LocalDate.parse(paidOn);
      return this;
    }

    /** Writes the case; its number is 〔year of receipt〕第N号, N counting up per fixture. */
    String insert() {
      seq++;
      String number = "〔" + receivedOn.getYear() + "〕第" + seq + "号";
      jdbc.sql("INSERT INTO gk_disclosure_case (agency_code, case_number, case_year, case_seq, applicant_type,"
              + " applicant_name, id_type, id_number, channel, received_on, description, status, outcome, outcome_code,"
              + " registered_at, replied_on, archived_at, extension_working_days, reply_due_on, fee_amount, fee_paid_on)"
              + " VALUES (:agency, :number, :year, :seq, :type, '测试申请人', 'ID_CARD', '11010519491231002X', :channel,"
              + " :received, '报表测试申请', :status, :outcome, :code, :registered, :replied, :archived, :extension,"
              + " :due, :fee, :feePaid)")
          .param("agency", agencyCode)
          .param("number", number)
          .param("year", receivedOn.getYear())
          .param("seq", seq)
          .param("type", applicantType)
          .param("channel", channel)
          .param("received", receivedOn)
          .param("status", status)
          .param("outcome", outcome, Types.VARCHAR)
          .param("code", outcomeCode, Types.VARCHAR)
          .param("registered", receivedOn.atTime(9, 0).atOffset(ZoneOffset.ofHours(8)))
          .param("replied", repliedOn, Types.DATE)
          .param("archived", archivedAt, Types.TIMESTAMP_WITH_TIMEZONE)
          .param("extension", extension, Types.INTEGER)
          .param("due", dueOn, Types.DATE)
          .param("fee", fee, Types.DECIMAL)
          .param("feePaid", feePaidOn, Types.DATE)
          .update();
      return number;
    }
  }
}
