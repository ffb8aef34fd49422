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
 * A thin holder of an immutable {@link WorkingDays}, swapped when a year is loaded: on this node at once, on
 * the other nodes of a cluster within {@link #CHECK_INTERVAL} (each node compares the load counter
 * {@code gk_calendar_revision} with the revision its copy was read at, at most once per interval).
 */
@Service
public class WorkingDayCalendar {

  private static final Logger log = LoggerFactory.getLogger(WorkingDayCalendar.class);

  /**
   * How stale a node's copy may be before it asks the database again. One primary-key read per second and
   * node is nothing, whereas one per call would add a query to every working-day step of the supervision
   * overview's thousands of cases; a year is loaded a few times a year, by hand.
   */
  static final long CHECK_INTERVAL_NANOS = 1_000_000_000L;

  private final CalendarYearStore store;
  private final ApplicationEventPublisher events;
  private volatile Snapshot snapshot;
  private volatile long checkedAt;

  WorkingDayCalendar(CalendarYearStore store, ApplicationEventPublisher events) {
    this.store = store;
    this.events = events;
    this.snapshot = read();
    this.checkedAt = System.nanoTime();
    log.info("working-day calendar: known years {}, loaded at run time {}", snapshot.days().knownYears(),
        snapshot.loaded().keySet());
  }

  /** Monday to Friday minus holidays plus make-up working days; weekend rule in an unknown year. */
  public boolean isWorkingDay(LocalDate date) {
    return fresh().days().isWorkingDay(date);
  }

  /** The {@code workingDays}-th working day strictly after {@code start} (民法典第二百零一条). */
  public Deadline deadline(LocalDate start, int workingDays) {
    return fresh().days().deadline(start, workingDays);
  }

  /** Like {@link #deadline(LocalDate, int)}, not counting the working days inside the pauses. */
  public Deadline deadline(LocalDate start, int workingDays, List<Pause> pauses) {
    return fresh().days().deadline(start, workingDays, pauses);
  }

  /** Working days after {@code fromExclusive} up to and including {@code toInclusive}; 0 if not after. */
  public int workingDaysBetween(LocalDate fromExclusive, LocalDate toInclusive) {
    return fresh().days().workingDaysBetween(fromExclusive, toInclusive);
  }

  /** 24:00 of {@code due} in Asia/Shanghai (the next day 00:00 +08:00): when a deadline on that day ends. */
  public Instant endOf(LocalDate due) {
    return WorkingDays.endOf(due);
  }

  /** Whether the holidays of {@code year} are known (built in or loaded). */
  public boolean isKnownYear(int year) {
    return fresh().days().isKnownYear(year);
  }

  /** The years whose holidays are known, ascending. */
  public Set<Integer> knownYears() {
    return fresh().days().knownYears();
  }

  /** The holidays and make-up days of a known year. */
  public Optional<CalendarYear> year(int year) {
    return fresh().days().year(year);
  }

  /** The calendar as it is now, for several computations that must agree with each other. */
  public WorkingDays current() {
    return fresh().days();
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
      long revision = store.nextRevision();
      store.save(year, CalendarYearFormat.write(parsed), loadedBy, now);
      snapshot = snapshot.with(parsed, new LoadRecord(loadedBy, now.toInstant()), revision);
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
    return Optional.ofNullable(fresh().loaded().get(year));
  }

  private synchronized void reread() {
    snapshot = read();
  }

  /** This node's copy, read again first if another node has loaded a year since (checked once per interval). */
  private Snapshot fresh() {
    Snapshot current = snapshot;
    long now = System.nanoTime();
    if (now - checkedAt < CHECK_INTERVAL_NANOS) {
      return current;
    }
    checkedAt = now;
    // only a newer revision counts: a load under way on this node already shows in this node's copy
    if (store.revision() <= current.revision()) {
      return current;
    }
    synchronized (this) {
      if (snapshot == current) {
        snapshot = read();
        log.info("working-day calendar re-read (a year was loaded on another node): known years {}",
            snapshot.days().knownYears());
      }
      return snapshot;
    }
  }

  private Snapshot read() {
    // the revision first: a load committing in between makes the next check read again, never miss it
    long revision = store.revision();
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
    return new Snapshot(days, Map.copyOf(loaded), revision);
  }

  /** Who loaded a year at run time, and when. */
  record LoadRecord(String loadedBy, Instant loadedAt) {}

  private record Snapshot(WorkingDays days, Map<Integer, LoadRecord> loaded, long revision) {
    Snapshot with(CalendarYear year, LoadRecord record, long newRevision) {
      Map<Integer, LoadRecord> copy = new HashMap<>(loaded);
      copy.put(year.year(), record);
      return new Snapshot(days.with(year), Map.copyOf(copy), newRevision);
    }
  }
}
