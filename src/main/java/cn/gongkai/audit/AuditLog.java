package cn.gongkai.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The security audit log (等保2.0 安全审计): an append-only, hash-chained table. Any module records an
 * event with {@link #record}; entries are never changed, and older than the retention only purged when
 * {@code gongkai.audit.retention-days} says so (never below 180 days, 网络安全法第二十一条).
 */
@Service
public class AuditLog {

  private static final Logger log = LoggerFactory.getLogger(AuditLog.class);
  static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
  static final int PAGE_SIZE = 50;

  private final JdbcClient jdbc;
  private final TransactionTemplate ownTransaction;

  AuditLog(JdbcClient jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactions);
    // an entry is kept even when the caller's transaction rolls back (a refused action is audited too)
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** Appends one entry; the caller's address and authenticated user come from the request. */
  public void record(HttpServletRequest request, AuditKind kind, String object, String result) {
    record(request.getRemoteUser(), request.getRemoteAddr(), kind, object, result);
  }

  /** Appends one entry at the end of the chain (serialised on the chain's head row, across nodes too). */
  public void record(String userId, String address, AuditKind kind, String object, String result) {
    Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    String user = clip(userId, 100);
    String from = clip(address, 100);
    String what = clip(object, 500);
    String outcome = clip(result == null ? "" : result, 500);
    try {
      ownTransaction.executeWithoutResult(status -> {
        Head head = jdbc.sql("SELECT last_id, last_hash FROM gk_audit_head WHERE id = 1 FOR UPDATE")
            .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2)))
            .single();
        long id = head.lastId() + 1;
        String hash = AuditChain.hash(head.lastHash(), id, at, user, from, kind, what, outcome);
        jdbc.sql("INSERT INTO gk_audit_log (id, occurred_at, user_id, address, kind, object, result, prev_hash, hash)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
            .params(id, at.atOffset(ZoneOffset.UTC), user, from, kind.name(), what, outcome, head.lastHash(), hash)
            .update();
        jdbc.sql("UPDATE gk_audit_head SET last_id = ?, last_hash = ? WHERE id = 1").params(id, hash).update();
      });
    } catch (RuntimeException e) {
      // the action itself already happened: say loudly that its trace is missing, without the request's data
      log.error("AUDIT WRITE FAILED: {} {} {} {}", kind, user, what, outcome, e);
      throw e;
    }
  }

  /** One page of entries, newest first, filtered by user, kind and Beijing dates (inclusive). */
  public Page search(String userId, AuditKind kind, LocalDate from, LocalDate to, int page) {
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    List<Object> params = new ArrayList<>();
    if (userId != null && !userId.isBlank()) {
      where.append(" AND user_id = ?");
      params.add(userId.trim());
    }
    if (kind != null) {
      where.append(" AND kind = ?");
      params.add(kind.name());
    }
    if (from != null) {
      where.append(" AND occurred_at >= ?");
      params.add(from.atStartOfDay(BEIJING).toOffsetDateTime());
    }
    if (to != null) {
      where.append(" AND occurred_at < ?");
      params.add(to.plusDays(1).atStartOfDay(BEIJING).toOffsetDateTime());
    }
    long total = jdbc.sql("SELECT COUNT(*) FROM gk_audit_log" + where).params(params).query(Long.class).single();
    List<AuditEntry> entries = jdbc.sql("SELECT id, occurred_at, user_id, address, kind, object, result, prev_hash, hash"
            + " FROM gk_audit_log" + where + " ORDER BY id DESC LIMIT " + PAGE_SIZE + " OFFSET " + ((long) page * PAGE_SIZE))
        .params(params)
        .query((rs, n) -> entry(rs))
        .list();
    return new Page(entries, page, PAGE_SIZE, total);
  }

  /** One page of the log. */
  public record Page(List<AuditEntry> entries, int page, int size, long total) {}

  /**
   * Walks the chain from the oldest kept entry; reports the first entry whose link or content does not
   * match (an entry changed, removed, or inserted), or that the newest entries were cut off.
   */
  public Verification verify() {
    String[] head = jdbc.sql("SELECT last_id, last_hash, anchor_hash FROM gk_audit_head WHERE id = 1")
        .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
        .single();
    String expectedPrev = head[2];
    long lastId = -1;
    long checked = 0;
    long after = Long.MIN_VALUE;
    while (true) {
      List<AuditEntry> chunk = jdbc.sql("SELECT id, occurred_at, user_id, address, kind, object, result, prev_hash, hash"
              + " FROM gk_audit_log WHERE id > ? ORDER BY id LIMIT 1000")
          .param(after)
          .query((rs, n) -> entry(rs))
          .list();
      if (chunk.isEmpty()) {
        break;
      }
      for (AuditEntry e : chunk) {
        if (lastId >= 0 && e.id() != lastId + 1 || !e.prevHash().equals(expectedPrev)) {
          return Verification.broken(checked, e.id(), "第 " + e.id() + " 条记录之前的记录被删除或改动");
        }
        String computed = AuditChain.hash(e.prevHash(), e.id(), e.occurredAt().toInstant(), e.userId(),
            e.address(), e.kind(), e.object(), e.result());
        if (!computed.equals(e.hash())) {
          return Verification.broken(checked, e.id(), "第 " + e.id() + " 条记录的内容被改动");
        }
        expectedPrev = e.hash();
        lastId = e.id();
        checked++;
      }
      after = lastId;
    }
    long headId = Long.parseLong(head[0]);
    if (checked > 0 && (lastId != headId || !expectedPrev.equals(head[1]))) {
      return Verification.broken(checked, lastId + 1, "第 " + (lastId + 1) + " 条及以后的记录被删除");
    }
    if (checked == 0 && headId > 0 && !head[1].equals(head[2])) {
      return Verification.broken(0, headId, "审计记录全部被删除");
    }
    return new Verification(true, checked, null, "审计日志完整，共 " + checked + " 条记录");
  }

  /** The answer of the chain check. */
  public record Verification(boolean intact, long checkedEntries, Long firstBrokenId, String message) {
    static Verification broken(long checked, long id, String message) {
      return new Verification(false, checked, id, message);
    }
  }

  /**
   * Removes entries older than the retention (at least 180 days) and records the purge; the oldest
   * kept entry's link becomes the chain's anchor, so the rest still verifies. Returns how many went.
   */
  public int purgeOlderThan(Duration retention, String by) {
    if (retention.compareTo(AuditSettings.MIN_RETENTION) < 0) {
      throw new IllegalArgumentException("audit entries are kept at least 180 days (网络安全法第二十一条)");
    }
    OffsetDateTime cutoff = Instant.now().minus(retention).atOffset(ZoneOffset.UTC);
    Integer removed = ownTransaction.execute(status -> {
      jdbc.sql("SELECT last_id FROM gk_audit_head WHERE id = 1 FOR UPDATE").query(Long.class).single();
      Long keepFrom = jdbc.sql("SELECT MIN(id) FROM gk_audit_log WHERE occurred_at >= ?").param(cutoff)
          .query(Long.class).optional().orElse(null);
      int n = keepFrom == null
          ? jdbc.sql("DELETE FROM gk_audit_log").update()
          : jdbc.sql("DELETE FROM gk_audit_log WHERE id < ?").param(keepFrom).update();
      String anchor = keepFrom == null
          ? jdbc.sql("SELECT last_hash FROM gk_audit_head WHERE id = 1").query(String.class).single()
          : jdbc.sql("SELECT prev_hash FROM gk_audit_log WHERE id = ?").param(keepFrom).query(String.class).single();
      jdbc.sql("UPDATE gk_audit_head SET anchor_hash = ? WHERE id = 1").param(anchor).update();
      return n;
    });
    if (removed != null && removed > 0) {
      record(by, null, AuditKind.AUDIT_PURGED, "早于 " + cutoff.atZoneSameInstant(BEIJING).toLocalDate() + " 的记录",
          "删除 " + removed + " 条");
    }
    return removed == null ? 0 : removed;
  }

  private static AuditEntry entry(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new AuditEntry(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).atZoneSameInstant(BEIJING)
        .toOffsetDateTime(), rs.getString(3), rs.getString(4), AuditKind.valueOf(rs.getString(5)), rs.getString(6),
        rs.getString(7), rs.getString(8), rs.getString(9));
  }

  private static String clip(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }

  private record Head(long lastId, String lastHash) {}
}
