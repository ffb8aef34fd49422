package cn.gongkai.agency;

import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Starts a process instance in a named agency instead of the starter's own (a referral started by the platform
 * for the receiving agency): the tenant id provider reads it on the starting thread.
 */
@Component
public class AgencyStarts {

  private final ThreadLocal<String> agency = new ThreadLocal<>();

  /** Runs the start with instances created in that agency (its Camunda tenant). */
  public <T> T in(String agencyCode, Supplier<T> start) {
    String before = agency.get();
    agency.set(agencyCode);
    try {
      return start.get();
    } finally {
      if (before == null) {
        agency.remove();
      } else {
        agency.set(before);
      }
    }
  }

  String current() {
    return agency.get();
  }
}
