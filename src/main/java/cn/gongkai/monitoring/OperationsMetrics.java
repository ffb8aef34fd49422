package cn.gongkai.monitoring;

import cn.gongkai.letters.LetterKind;
import cn.gongkai.request.Channel;
import cn.gongkai.supervision.SupervisionOverview;
import cn.gongkai.supervision.SupervisionState;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Date;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.metrics.MetricsRegistry;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The figures operators watch, as Micrometer meters for /actuator/prometheus: open cases by 督办 state,
 * overdue cases, timer lag, the job executor's backlog and failures, registrations per channel, letters
 * issued per kind and the engine's own metrics. They are read together by a handful of indexed counts,
 * at most once per {@link MonitoringSettings#refreshInterval()} and only when someone scrapes.
 */
@Component
@EnableConfigurationProperties(MonitoringSettings.class)
class OperationsMetrics implements MeterBinder {

  private final SupervisionOverview overview;
  private final ProcessEngine engine;
  private final JdbcClient jdbc;
  private final long refreshNanos;

  private OperationsReading reading = OperationsReading.EMPTY;
  private long readAt;
  private boolean read;

  OperationsMetrics(SupervisionOverview overview, ProcessEngine engine, JdbcClient jdbc, MonitoringSettings settings) {
    this.overview = overview;
    this.engine = engine;
    this.jdbc = jdbc;
    this.refreshNanos = settings.refreshInterval().toNanos();
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (SupervisionOverview.Process process : overview.processes()) {
      for (SupervisionState state : SupervisionState.values()) {
        Gauge.builder("gongkai.cases.open", this,
                m -> m.reading().openCases().getOrDefault(process.key(), Map.of()).getOrDefault(state, 0L))
            .description("Open cases by 督办 state")
            .tags("process", process.key(), "state", state.name())
            .register(registry);
      }
    }
    Gauge.builder("gongkai.cases.overdue", this, m -> m.reading().overdue())
        .description("Open cases past their deadline (已逾期), all processes")
        .register(registry);
    Gauge.builder("gongkai.timer.lag", this, m -> m.reading().timerLagSeconds())
        .description("Now minus the due date of the oldest due job; 0 when none is due")
        .baseUnit("seconds")
        .register(registry);
    Gauge.builder("gongkai.jobs.due", this, m -> m.reading().dueJobs())
        .description("Jobs due now and not yet executed (the job executor's backlog)")
        .register(registry);
    Gauge.builder("gongkai.jobs.failed", this, m -> m.reading().failedJobs())
        .description("Jobs with no retries left")
        .register(registry);
    Gauge.builder("gongkai.incidents.open", this, m -> m.reading().openIncidents())
        .description("Open incidents")
        .register(registry);
    for (Channel channel : Channel.values()) {
      FunctionCounter.builder("gongkai.registrations", this,
              m -> m.reading().registrations().getOrDefault(channel.name(), 0L))
          .description("Disclosure requests registered, per channel (imported earlier cases not counted)")
          .tag("channel", channel.name())
          .register(registry);
    }
    for (LetterKind kind : LetterKind.values()) {
      FunctionCounter.builder("gongkai.letters.issued", this,
              m -> m.reading().lettersIssued().getOrDefault(kind.name(), 0L))
          .description("Numbered letters and notices issued, per kind")
          .tag("kind", kind.name())
          .register(registry);
    }
    for (String name : engineMetricNames()) {
      Gauge.builder("camunda.engine.metric", this, m -> m.reading().engineMetrics().getOrDefault(name, 0L))
          .description("The process engine's own metric (ManagementService metrics), since installation")
          .tag("name", name)
          .register(registry);
    }
  }

  /** The last reading, taken anew when older than the refresh interval. */
  synchronized OperationsReading reading() {
    long now = System.nanoTime();
    if (!read || now - readAt >= refreshNanos) {
      reading = read();
      readAt = System.nanoTime();
      read = true;
    }
    return reading;
  }

  /** Forgets the last reading: the next scrape reads anew (as when the refresh interval has passed). */
  synchronized void expire() {
    read = false;
  }

  private OperationsReading read() {
    IdentityService identity = engine.getIdentityService();
    // the scraping user's authorizations must not filter the engine's counts: read as the system
    Authentication caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return readUnauthenticated();
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
  }

  private OperationsReading readUnauthenticated() {
    Map<String, Map<SupervisionState, Long>> openCases = new LinkedHashMap<>();
    for (SupervisionOverview.Process process : overview.processes()) {
      SupervisionOverview.Overview counts = overview.overview(new SupervisionOverview.Query(process.key(),
          Set.of(), 1, 1));
      openCases.put(process.key(), new EnumMap<>(counts.counts()));
    }

    ManagementService management = engine.getManagementService();
    Date now = ClockUtil.getCurrentTime();
    List<Job> oldest = management.createJobQuery().active().executable().duedateLowerThan(now)
        .orderByJobDuedate().asc().listPage(0, 1);
    double lag = oldest.isEmpty() || oldest.get(0).getDuedate() == null ? 0
        : Math.max(0, now.getTime() - oldest.get(0).getDuedate().getTime()) / 1000.0;
    long due = management.createJobQuery().active().executable().count();
    long failed = management.createJobQuery().noRetriesLeft().count();
    long incidents = engine.getRuntimeService().createIncidentQuery().count();

    Map<String, Long> registrations = countBy(
        "SELECT channel, COUNT(*) AS n FROM gk_disclosure_case WHERE import_id IS NULL GROUP BY channel");
    Map<String, Long> letters = countBy("SELECT kind, COUNT(*) AS n FROM gk_document GROUP BY kind");

    Map<String, Long> engineMetrics = new LinkedHashMap<>();
    for (String name : engineMetricNames()) {
      // what the reporter wrote to ACT_RU_METER_LOG plus what this node counted since (the query adds it)
      engineMetrics.put(name, management.createMetricsQuery().name(name).sum());
    }
    return new OperationsReading(openCases, lag, due, failed, incidents, registrations, letters, engineMetrics);
  }

  private Map<String, Long> countBy(String sql) {
    Map<String, Long> counts = new LinkedHashMap<>();
    jdbc.sql(sql).query((rs, i) -> counts.put(rs.getString(1), rs.getLong(2))).list();
    return counts;
  }

  private ProcessEngineConfigurationImpl engineConfiguration() {
    return (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
  }

  /** The engine metrics kept in its database (job-successful, root-process-instance-start, ...). */
  private Set<String> engineMetricNames() {
    MetricsRegistry registry = engineConfiguration().getMetricsRegistry();
    return registry == null ? Set.of() : new TreeSet<>(registry.getDbMeters().keySet());
  }
}
