package cn.gongkai.supervision;

import cn.gongkai.calendar.WorkingDayCalendar;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The 督办 overview: every open case of every {@link SupervisedCaseSource}, counted and listed by
 * {@link SupervisionState}, with working days left and who holds the open tasks.
 */
@Service
public class SupervisionOverview {

  public static final int DEFAULT_PAGE_SIZE = 50;
  public static final int MAX_PAGE_SIZE = 500;
  static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

  private final List<SupervisedCaseSource> sources;
  private final WorkingDayCalendar calendar;
  private final SupervisionSettings settings;
  private final OpenTasks openTasks;
  private final String webappPath;
  private final cn.gongkai.agency.Agencies agencies;

  SupervisionOverview(List<SupervisedCaseSource> sources, WorkingDayCalendar calendar, SupervisionSettings settings,
      OpenTasks openTasks, @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath,
      cn.gongkai.agency.Agencies agencies) {
    this.agencies = agencies;
    this.sources = List.copyOf(sources);
    this.calendar = calendar;
    this.settings = settings;
    this.openTasks = openTasks;
    this.webappPath = webappPath;
  }

  /** Today's date in Beijing by the engine's clock (which tests move). */
  public static LocalDate today() {
    return LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), BEIJING);
  }

  /** The window of today: due soon means at most N working days after today. */
  public SupervisionWindow window(LocalDate today) {
    int n = settings.dueSoonWorkingDays();
    // the day before the (N+1)-th working day after today: every later date is more than N working days away
    LocalDate until = calendar.deadline(today, n + 1).due().minusDays(1);
    return new SupervisionWindow(today, n, until);
  }

  /** The process keys and names of the registered sources. */
  public List<Process> processes() {
    return sources.stream().map(s -> new Process(s.processKey(), s.processName())).toList();
  }

  /**
   * What the overview asks for.
   *
   * @param processKey one process only, or null for all
   * @param states the states whose cases to list (all counts are always given)
   * @param page 1-based page of every listed state
   * @param size cases per page, 1 to {@link #MAX_PAGE_SIZE}
   */
  /**
   * @param agencies the agencies counted and listed (null: every agency on the platform)
   */
  public record Query(String processKey, Set<SupervisionState> states, int page, int size,
      java.util.Collection<String> agencies) {

    public Query(String processKey, Set<SupervisionState> states, int page, int size) {
      this(processKey, states, page, size, null);
    }
  }

  /** One agency's open cases by state (the prefecture's breakdown); {@code drillDown} filters the overview to it. */
  public record AgencyCounts(String code, String name, String shortName, String parent, long total,
      Map<SupervisionState, Long> counts, String drillDown) {}

  /** A supervised process. */
  public record Process(String key, String name) {}

  /** Open cases per pause reason. */
  public record PauseReasonCount(String reason, String label, long count) {}

  /** One state: its Chinese label, how many open cases, and for 计时暂停 the reasons. */
  public record StateSummary(SupervisionState state, String label, long count, List<PauseReasonCount> pauseReasons) {}

  /** One page of a state's cases. */
  public record CasePage(int page, int size, long total, long pages, List<CaseRow> items) {}

  /**
   * One case as supervisors see it.
   *
   * @param workingDaysLeft working days from today to the deadline (0: due today; negative: overdue by
   *     that many); for a paused clock, what was left when it stopped (the deadline moves on resume)
   */
  public record CaseRow(
      String caseNumber,
      String processKey,
      String processName,
      String processInstanceId,
      String currentStepName,
      List<TaskHolder> openTasks,
      String holder,
      LocalDate receivedOn,
      LocalDate dueOn,
      Integer workingDaysLeft,
      boolean provisional,
      LocalDate pausedSince,
      String pauseReason,
      String pauseReasonLabel,
      SupervisionState state,
      String stateLabel,
      String cockpitUrl) {}

  /** The whole answer of {@code GET /api/supervision/overview}. */
  public record Overview(
      LocalDate today,
      int dueSoonWorkingDays,
      LocalDate dueSoonUntil,
      String process,
      List<Process> processes,
      long total,
      Map<SupervisionState, Long> counts,
      List<StateSummary> states,
      Map<SupervisionState, CasePage> cases,
      List<AgencyCounts> agencies) {}

  /** Counts by state (SQL aggregates per source) and the requested page of each requested state. */
  public Overview overview(Query query) {
    SupervisionWindow window = window(today());
    List<SupervisedCaseSource> selected = sources.stream()
        .filter(s -> query.processKey() == null || s.processKey().equals(query.processKey()))
        .toList();

    Map<SupervisionState, Long> counts = new EnumMap<>(SupervisionState.class);
    Map<SupervisionState, Map<String, PauseReasonCount>> reasons = new EnumMap<>(SupervisionState.class);
    for (SupervisionState state : SupervisionState.values()) {
      counts.put(state, 0L);
      reasons.put(state, new LinkedHashMap<>());
    }
    for (SupervisedCaseSource source : selected) {
      for (SupervisedCaseSource.StateCount c : source.count(window, query.agencies())) {
        counts.merge(c.state(), c.count(), Long::sum);
        if (c.state() == SupervisionState.PAUSED && c.pauseReason() != null) {
          reasons.get(c.state()).merge(c.pauseReason(),
              new PauseReasonCount(c.pauseReason(), c.pauseReasonLabel(), c.count()),
              (a, b) -> new PauseReasonCount(a.reason(), a.label(), a.count() + b.count()));
        }
      }
    }
    List<StateSummary> summaries = new ArrayList<>();
    for (SupervisionState state : SupervisionState.values()) {
      summaries.add(new StateSummary(state, state.label(), counts.get(state),
          List.copyOf(reasons.get(state).values())));
    }

    Map<SupervisionState, List<Sourced>> pages = new EnumMap<>(SupervisionState.class);
    long offset = (long) (query.page() - 1) * query.size();
    for (SupervisionState state : SupervisionState.values()) {
      if (query.states().contains(state)) {
        pages.put(state, page(selected, state, window, query.agencies(), offset, query.size()));
      }
    }
    List<String> instanceIds = pages.values().stream().flatMap(List::stream)
        .map(s -> s.c().processInstanceId()).filter(Objects::nonNull).distinct().toList();
    Map<String, List<TaskHolder>> holders = openTasks.byProcessInstance(instanceIds);

    Map<SupervisionState, CasePage> cases = new EnumMap<>(SupervisionState.class);
    pages.forEach((state, rows) -> {
      long total = counts.get(state);
      cases.put(state, new CasePage(query.page(), query.size(), total, (total + query.size() - 1) / query.size(),
          rows.stream().map(s -> row(s, window, holders)).toList()));
    });
    long total = counts.values().stream().mapToLong(Long::longValue).sum();
    return new Overview(window.today(), window.dueSoonWorkingDays(), window.dueSoonUntil(), query.processKey(),
        processes(), total, counts, summaries, cases, byAgency(selected, window, query.agencies()));
  }

  /** Every visible agency with its open cases by state (zeros included), in the agencies' order. */
  private List<AgencyCounts> byAgency(List<SupervisedCaseSource> selected, SupervisionWindow window,
      java.util.Collection<String> visible) {
    Map<String, Map<SupervisionState, Long>> counts = new LinkedHashMap<>();
    for (SupervisedCaseSource source : selected) {
      for (SupervisedCaseSource.AgencyStateCount c : source.countByAgency(window, visible)) {
        counts.computeIfAbsent(c.agencyCode(), k -> new EnumMap<>(SupervisionState.class))
            .merge(c.state(), c.count(), Long::sum);
      }
    }
    List<AgencyCounts> rows = new ArrayList<>();
    for (cn.gongkai.agency.Agency agency : agencies.all()) {
      if (visible != null && !visible.contains(agency.code())) {
        continue;
      }
      Map<SupervisionState, Long> byState = new EnumMap<>(SupervisionState.class);
      for (SupervisionState state : SupervisionState.values()) {
        byState.put(state, counts.getOrDefault(agency.code(), Map.of()).getOrDefault(state, 0L));
      }
      rows.add(new AgencyCounts(agency.code(), agency.name(), agency.shortName(), agency.parent(),
          byState.values().stream().mapToLong(Long::longValue).sum(), byState,
          "/api/supervision/overview?agency=" + agency.code()));
    }
    return rows;
  }

  private record Sourced(SupervisedCaseSource source, SupervisedCase c) {}

  /** One page of a state across sources, most urgent first. */
  private static List<Sourced> page(List<SupervisedCaseSource> sources, SupervisionState state,
      SupervisionWindow window, java.util.Collection<String> agencies, long offset, int size) {
    if (sources.size() == 1) {
      SupervisedCaseSource only = sources.get(0);
      return only.list(state, window, agencies, offset, size).stream().map(c -> new Sourced(only, c)).toList();
    }
    // several sources: each gives its first offset + size, merged by due date (stable: source order on ties)
    List<Sourced> merged = new ArrayList<>();
    for (SupervisedCaseSource source : sources) {
      int limit = (int) Math.min(Integer.MAX_VALUE, offset + size);
      source.list(state, window, agencies, 0, limit).forEach(c -> merged.add(new Sourced(source, c)));
    }
    merged.sort(Comparator.comparing((Sourced s) -> s.c().dueOn(), Comparator.nullsLast(Comparator.naturalOrder())));
    int from = (int) Math.min(merged.size(), offset);
    return merged.subList(from, Math.min(merged.size(), from + size));
  }

  private CaseRow row(Sourced s, SupervisionWindow window, Map<String, List<TaskHolder>> holders) {
    SupervisedCase c = s.c();
    SupervisionState state = c.state(window);
    List<TaskHolder> tasks = c.processInstanceId() == null ? List.of()
        : holders.getOrDefault(c.processInstanceId(), List.of());
    return new CaseRow(c.caseNumber(), s.source().processKey(), s.source().processName(), c.processInstanceId(),
        c.currentStepName(), tasks, holderText(tasks), c.receivedOn(), c.dueOn(),
        workingDaysLeft(c, window.today()), c.provisional(), c.pausedSince(),
        state == SupervisionState.PAUSED ? c.pauseReason() : null,
        state == SupervisionState.PAUSED ? c.pauseReasonLabel() : null,
        state, state.label(), cockpitUrl(c.processInstanceId()));
  }

  /** "承办科室" for an unclaimed group task, "承办员（handler）" once claimed, joined by "；" for several tasks. */
  static String holderText(List<TaskHolder> tasks) {
    return String.join("；", tasks.stream()
        .map(t -> t.assignee() == null ? String.join("、", t.candidateGroupNames())
            : t.assigneeName() == null || t.assigneeName().equals(t.assignee()) ? t.assignee()
            : t.assigneeName() + "（" + t.assignee() + "）")
        .filter(text -> !text.isEmpty())
        .distinct()
        .toList());
  }

  /** Working days left (negative: overdue by); a paused clock counts from the day it stopped. */
  Integer workingDaysLeft(SupervisedCase c, LocalDate today) {
    if (c.dueOn() == null) {
      return null;
    }
    LocalDate from = c.pausedSince() != null && c.pausedSince().isBefore(today) ? c.pausedSince() : today;
    return c.dueOn().isBefore(from) ? -calendar.workingDaysBetween(c.dueOn(), from)
        : calendar.workingDaysBetween(from, c.dueOn());
  }

  private String cockpitUrl(String processInstanceId) {
    return processInstanceId == null ? null
        : webappPath + "/app/cockpit/default/#/process-instance/" + processInstanceId + "/runtime";
  }
}
