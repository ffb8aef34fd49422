package cn.gongkai.calendar;

import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The calendar years loaded at run time, table {@code gk_calendar_year}. */
@Repository
class CalendarYearStore {

  private final JdbcClient jdbc;

  CalendarYearStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Every stored year, ascending. */
  List<StoredYear> findAll() {
    return jdbc.sql("SELECT cal_year, content, loaded_by, loaded_at FROM gk_calendar_year ORDER BY cal_year")
        .query((rs, n) -> new StoredYear(rs.getInt(1), rs.getString(2), rs.getString(3),
            rs.getObject(4, OffsetDateTime.class)))
        .list();
  }

  /** The count of loads so far (any node); read cheaply to notice a year loaded on another node. */
  long revision() {
    return jdbc.sql("SELECT revision FROM gk_calendar_revision WHERE id = 1").query(Long.class).single();
  }

  /**
   * Counts one more load (inside the caller's transaction; the row lock also makes concurrent loads on
   * several nodes wait for each other) and returns the new revision.
   */
  long nextRevision() {
    jdbc.sql("UPDATE gk_calendar_revision SET revision = revision + 1 WHERE id = 1").update();
    return revision();
  }

  /** Inserts or replaces the year (inside the caller's transaction). */
  void save(int year, String content, String loadedBy, OffsetDateTime loadedAt) {
    int updated = jdbc.sql("UPDATE gk_calendar_year SET content = ?, loaded_by = ?, loaded_at = ? WHERE cal_year = ?")
        .params(content, loadedBy, loadedAt, year)
        .update();
    if (updated == 0) {
      jdbc.sql("INSERT INTO gk_calendar_year (cal_year, content, loaded_by, loaded_at) VALUES (?, ?, ?, ?)")
          .params(year, content, loadedBy, loadedAt)
          .update();
    }
  }

  /** A stored year: its file in gongkai's own format, who loaded it and when. */
  record StoredYear(int year, String content, String loadedBy, OffsetDateTime loadedAt) {}
}
