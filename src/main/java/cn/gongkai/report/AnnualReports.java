package cn.gongkai.report;

import cn.gongkai.agency.Agency;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Annual reports (Reg. Art. 49-50): computed from the register while a year is open (draft), frozen
 * once an administrator locks the year for publication.
 */
@Service
public class AnnualReports {

  private final AnnualReportCalculator calculator;
  private final JdbcClient jdbc;
  private final ObjectMapper json;

  AnnualReports(AnnualReportCalculator calculator, JdbcClient jdbc, ObjectMapper json) {
    this.calculator = calculator;
    this.jdbc = jdbc;
    this.json = json;
  }

  /** The agency's report for the year: the frozen figures if the year is locked, else computed now as a draft. */
  @Transactional(readOnly = true)
  public AnnualReport report(Agency agency, ReportYear year) {
    return findLock(agency, year)
        .map(lock -> AnnualReport.of(ref(agency), lock.figures(), AnnualReport.Status.LOCKED, lock.lockedBy(),
            lock.lockedAt()))
        .orElseGet(() -> AnnualReport.of(ref(agency), calculator.compute(agency.code(), year),
            AnnualReport.Status.DRAFT, null, null));
  }

  /**
   * Freezes the year's figures as they are now. Refused when the year is already locked, has not ended
   * yet (Beijing time), or its cross-check fails.
   */
  @Transactional
  public AnnualReport lock(Agency agency, ReportYear year, String user) {
    Optional<Lock> existing = findLock(agency, year);
    if (existing.isPresent()) {
      throw alreadyLocked(year, existing.get());
    }
    if (year.value() >= ReportYear.today().getYear()) {
      throw new LockRefused(year.value() + " 年度尚未结束，不能锁定", List.of());
    }
    AnnualFigures figures = calculator.compute(agency.code(), year);
    if (!figures.crossCheck().passed()) {
      throw new LockRefused(year.value() + " 年度报告核对未通过，不能锁定；请先更正登记簿",
          figures.crossCheck().failures().stream().map(CrossCheck.Failure::message).toList());
    }
    OffsetDateTime now = OffsetDateTime.now(ReportYear.BEIJING);
    try {
      jdbc.sql("INSERT INTO gk_annual_report_lock (agency_code, report_year, figures, locked_by, locked_at)"
              + " VALUES (?, ?, ?, ?, ?)")
          .params(agency.code(), year.value(), json.writeValueAsString(figures), user, now)
          .update();
    } catch (DuplicateKeyException lostRace) {
      throw alreadyLocked(year, findLock(agency, year).orElseThrow());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize the report figures", e);
    }
    return AnnualReport.of(ref(agency), figures, AnnualReport.Status.LOCKED, user, now);
  }

  private static LockRefused alreadyLocked(ReportYear year, Lock lock) {
    return new LockRefused(year.value() + " 年度报告已于 " + lock.lockedAt().toLocalDate() + " 由 " + lock.lockedBy()
        + " 锁定，不能重复锁定", List.of());
  }

  private static AnnualReport.AgencyRef ref(Agency agency) {
    return new AnnualReport.AgencyRef(agency.code(), agency.name());
  }

  private record Lock(AnnualFigures figures, String lockedBy, OffsetDateTime lockedAt) {}

  private Optional<Lock> findLock(Agency agency, ReportYear year) {
    return jdbc.sql("SELECT figures, locked_by, locked_at FROM gk_annual_report_lock"
            + " WHERE agency_code = ? AND report_year = ?")
        .params(agency.code(), year.value())
        .query((rs, n) -> {
          try {
            return new Lock(json.readValue(rs.getString("figures"), AnnualFigures.class), rs.getString("locked_by"),
                rs.getObject("locked_at", OffsetDateTime.class).atZoneSameInstant(ReportYear.BEIJING)
                    .toOffsetDateTime());
          } catch (JsonProcessingException e) {
            throw new IllegalStateException("frozen figures of " + agency.code() + "/" + year.value()
                + " are unreadable", e);
          }
        })
        .optional();
  }

  /** Locking refused, with the reasons in Chinese (HTTP 409). */
  public static final class LockRefused extends RuntimeException {

    private final List<String> reasons;

    LockRefused(String message, List<String> reasons) {
      super(message);
      this.reasons = List.copyOf(reasons);
    }

    public List<String> reasons() {
      return reasons;
    }
  }
}
