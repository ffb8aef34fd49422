package cn.gongkai.calendar;
// TEMPORARY STUB - replaced by the calendar branch
import java.time.*;
@org.springframework.stereotype.Service
public class WorkingDayCalendar {
  public boolean isWorkingDay(LocalDate d) { return d.getDayOfWeek().getValue() < 6; }
  public Deadline deadline(LocalDate start, int n) { LocalDate d = start; while (n > 0) { d = d.plusDays(1); if (isWorkingDay(d)) n--; } return new Deadline(d, false); }
  public int workingDaysBetween(LocalDate a, LocalDate b) { int c = 0; while (a.isBefore(b)) { a = a.plusDays(1); if (isWorkingDay(a)) c++; } return c; }
  public Instant endOf(LocalDate due) { return due.plusDays(1).atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant(); }
}
