package cn.gongkai.supervision;

import java.util.List;

/**
 * A kind of case whose deadlines supervisors watch (依申请公开, 三同步, ...). A process module contributes
 * one as a Spring bean; the supervision overview collects them all. Implementations must follow the
 * state precedence of {@link SupervisionState#of} and count with SQL aggregates, never by loading cases.
 */
public interface SupervisedCaseSource {

  /** The BPMN process key of these cases, e.g. {@code disclosure-request}. */
  String processKey();

  /** The process's name as supervisors read it, e.g. 政府信息公开申请办理. */
  String processName();

  /** Open cases per state, and per pause reason for {@link SupervisionState#PAUSED} (reason null otherwise). */
  default List<StateCount> count(SupervisionWindow window) {
    return count(window, null);
  }

  /** As {@link #count(SupervisionWindow)}, of the agencies named only (null: every agency). */
  List<StateCount> count(SupervisionWindow window, java.util.Collection<String> agencies);

  /** Open cases per agency and state (the prefecture's per-agency breakdown), of the agencies named (null: all). */
  List<AgencyStateCount> countByAgency(SupervisionWindow window, java.util.Collection<String> agencies);

  /** Open cases in one state, most urgent first (due date ascending, no date last), from offset, at most limit. */
  default List<SupervisedCase> list(SupervisionState state, SupervisionWindow window, long offset, int limit) {
    return list(state, window, null, offset, limit);
  }

  /** As {@link #list(SupervisionState, SupervisionWindow, long, int)}, of the agencies named only (null: all). */
  List<SupervisedCase> list(SupervisionState state, SupervisionWindow window, java.util.Collection<String> agencies,
      long offset, int limit);

  /** How many open cases of an agency are in a state. */
  record AgencyStateCount(String agencyCode, SupervisionState state, long count) {}

  /** How many open cases are in a state, and for paused ones why (reason and label null otherwise). */
  record StateCount(SupervisionState state, String pauseReason, String pauseReasonLabel, long count) {}
}
