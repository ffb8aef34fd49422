package cn.gongkai.workflow;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The present as the engine sees it (its clock, which tests move) in Beijing time, whatever the server's zone: the
 * one place every module's clock takes "today" and "now" from.
 */
public final class EngineTime {

  public static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

  private EngineTime() {}

  /** Today's date in Beijing by the engine's clock. */
  public static LocalDate today() {
    return LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), BEIJING);
  }

  /** The engine's present moment with Beijing's offset. */
  public static OffsetDateTime now() {
    return OffsetDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), BEIJING);
  }
}
