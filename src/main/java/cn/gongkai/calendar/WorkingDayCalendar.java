package cn.gongkai.calendar;

import cn.gongkai.web.BadRequestException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The Chinese working-day calendar of the statutory clock (domain README §2): the built-in years
 * ({@code classpath:calendar/}) overridden by the years loaded at run time ({@code gk_calendar_year}).
 * A thin holder of an immutable {@link WorkingDays}, swapped when a year is loaded.
 */
@Service
public class WorkingDayCalendar {

  private static final Logger log = LoggerFactory.getLogger(WorkingDayCalendar.class);

  private final CalendarYearStore store;
  private final ApplicationEventPublisher events;
  private volatile Snapshot snapshot;

  WorkingDayCalendar(CalendarYearStore store, ApplicationEventPublisher events) {
    this.store = store;
    this.events = events;
    this.snapshot = read();
    log.info("working-day calendar: known years {}, loaded at run time {}", snapshot.days().knownYears(),
        snapshot.loaded().keySet());
  }

  /** Monday to Friday minus holidays plus make-up working days; weekend rule in an unknown year. */
  public boolean isWorkingDay(LocalDate date) {
    return snapshot.days().isWorkingDay(date);
  }

  /** The {@code workingDays}-th working day strictly after {@code start} (民法典第二百零一条). */
  public Deadline deadline(LocalDate start, int workingDays) {
    return snapshot.days().deadline(start, workingDays);
  }

  /** Like {@link #deadline(LocalDate, int)}, not counting the working days inside the pauses. */
  public Deadline deadline(LocalDate start, int workingDays, List<Pause> pauses) {
    return snapshot.days().deadline(start, workingDays, pauses);
  }

  /** Working days after {@code fromExclusive} up to and including {@code toInclusive}; 0 if not after. */
  public int workingDaysBetween(LocalDate fromExclusive, LocalDate toInclusive) {
    return snapshot.days().workingDaysBetween(fromExclusive, toInclusive);
  }

  /** 24:00 of {@code due} in Asia/Shanghai (the next day 00:00 +08:00): when a deadline on that day ends. */
  public Instant endOf(LocalDate due) {
    return WorkingDays.endOf(due);
  }

  /** Whether the holidays of {@code year} are known (built in or loaded). */
  public boolean isKnownYear(int year) {
    return snapshot.days().isKnownYear(year);
  }

  /** The years whose holidays are known, ascending. */
  public Set<Integer> knownYears() {
    return snapshot.days().knownYears();
  }

  /** The holidays and make-up days of a known year. */
  public Optional<CalendarYear> year(int year) {
    return snapshot.days().year(year);
  }

  /** The calendar as it is now, for several computations that must agree with each other. */
  public WorkingDays current() {
    return snapshot.days();
  }

  /**
   * Loads a year's holidays from a file in gongkai's own format or in holiday-cn's format, stores it
   * (it overrides the built-in data and survives restarts) and publishes {@link CalendarYearLoaded}
   * inside the same transaction. Throws {@link BadRequestException} with Chinese messages if the file
   * is malformed or not sensible.
   */
  @Transactional
  public CalendarYear load(int year, String json, String loadedBy) {
    if (loadedBy == null || loadedBy.isBlank()) {
      throw new IllegalArgumentException("loadedBy is required");
    }
    CalendarYear parsed = CalendarYearFormat.parse(year, json);
    OffsetDateTime now = OffsetDateTime.now(WorkingDays.ZONE);
    synchronized (this) {
      store.save(year, CalendarYearFormat.write(parsed), loadedBy, now);
      snapshot = snapshot.with(parsed, new LoadRecord(loadedBy, now.toInstant()));
    }
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCompletion(int status) {
          // the database is the truth once the transaction ends, committed or rolled back
          reread();
        }
      });
    }
    log.info("calendar year {} loaded by {}: {} holidays, {} make-up working days", year, loadedBy,
        parsed.holidays().size(), parsed.makeUpWorkingDays().size());
    events.publishEvent(new CalendarYearLoaded(year, loadedBy));
    return parsed;
  }

  /** Who loaded a year at run time and when; empty for built-in and unknown years. */
  Optional<LoadRecord> loadRecord(int year) {
    return Optional.ofNullable(snapshot.loaded().get(year));
  }

  private synchronized void reread() {
    snapshot = read();
  }

  private Snapshot read() {
    WorkingDays days = WorkingDays.builtIn();
    Map<Integer, LoadRecord> loaded = new HashMap<>();
    for (CalendarYearStore.StoredYear stored : store.findAll()) {
      CalendarYear year;
      try {
        year = CalendarYearFormat.parse(stored.year(), stored.content());
      } catch (BadRequestException e) {
        throw new IllegalStateException("stored calendar year " + stored.year() + " is invalid: " + e.problems(), e);
      }
      days = days.with(year);
      loaded.put(stored.year(), new LoadRecord(stored.loadedBy(), stored.loadedAt().toInstant()));
    }
    return new Snapshot(days, Map.copyOf(loaded));
  }

  /** Who loaded a year at run time, and when. */
  record LoadRecord(String loadedBy, Instant loadedAt) {}

  private record Snapshot(WorkingDays days, Map<Integer, LoadRecord> loaded) {
    Snapshot with(CalendarYear year, LoadRecord record) {
      Map<Integer, LoadRecord> copy = new HashMap<>(loaded);
      copy.put(year.year(), record);
      return new Snapshot(days.with(year), Map.copyOf(copy));
    }
  }
}
