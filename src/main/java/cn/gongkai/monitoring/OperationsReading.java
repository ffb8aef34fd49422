package cn.gongkai.monitoring;

import cn.gongkai.supervision.SupervisionState;
import java.util.Map;

/**
 * One reading of the figures operators watch, taken at once by {@link OperationsMetrics}.
 *
 * @param openCases open cases per process key and 督办 state
 * @param timerLagSeconds now (engine clock) minus the due date of the oldest due job, 0 when none is due
 * @param dueJobs jobs the job executor could run now (its backlog)
 * @param failedJobs jobs with no retries left
 * @param openIncidents open incidents
 * @param registrations registered disclosure requests per channel, since installation
 * @param lettersIssued numbered letters and notices per kind, since installation
 * @param engineMetrics the engine's own metrics (job-successful, activity-instance-start, ...), since installation
 */
record OperationsReading(
    Map<String, Map<SupervisionState, Long>> openCases,
    double timerLagSeconds,
    long dueJobs,
    long failedJobs,
    long openIncidents,
    Map<String, Long> registrations,
    Map<String, Long> lettersIssued,
    Map<String, Long> engineMetrics) {

  static final OperationsReading EMPTY = new OperationsReading(Map.of(), 0, 0, 0, 0, Map.of(), Map.of(), Map.of());

  long overdue() {
    return openCases.values().stream().mapToLong(m -> m.getOrDefault(SupervisionState.OVERDUE, 0L)).sum();
  }
}
