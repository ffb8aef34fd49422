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
