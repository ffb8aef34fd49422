package cn.gongkai.report;

import java.util.List;

/**
 * The report's own check: per column of table 三, 一 + 二 = 三(七) + 四, and the register's data that
 * would make a figure wrong even when the sums agree. Each failure names its column and why.
 */
public record CrossCheck(boolean passed, List<Failure> failures) {

  public static CrossCheck of(List<Failure> failures) {
    return new CrossCheck(failures.isEmpty(), List.copyOf(failures));
  }

  /**
   * One problem: the column ({@link ReportColumn} code) it shows in, what is wrong in Chinese, and the
   * case numbers behind it where the register can name them (at most {@link #CASES_NAMED}).
   */
  public record Failure(String column, String columnLabel, Kind kind, String message, List<String> caseNumbers) {}

  /** How many case numbers a failure lists. */
  public static final int CASES_NAMED = 20;

  /** What a failure is about. */
  public enum Kind {
    /** 一 + 二 ≠ 三(七) + 四 in a column. */
    SUMS_DISAGREE,
    /** A case concluded in the year whose outcome fits no row of 三(一)-(六) (none, unknown, refusal without exemption). */
    NO_RESULT_ROW,
    /** A case with status CLOSED but neither reply date nor archive time: it never leaves 四. */
    CLOSED_WITHOUT_DATE,
    /** A case concluded (replied or archived) before it was received. */
    CONCLUDED_BEFORE_RECEIVED,
    /** An applicant type that is no column: the case is in no column of table 三. */
    UNKNOWN_APPLICANT_TYPE,
    /** A channel that is none of 当面/传真/网络/信函: missing from the older format's channel counts. */
    UNKNOWN_CHANNEL
  }
}
