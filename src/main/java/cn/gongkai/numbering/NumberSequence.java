package cn.gongkai.numbering;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gap-free, duplicate-free counters per agency, kind and year. The counter row stays locked until the
 * caller's transaction ends, so a rolled-back registration gives its number back and two concurrent
 * callers get consecutive numbers.
 */
@Service
public class NumberSequence {

  private final JdbcClient jdbc;
  private final TransactionTemplate newTransaction;

  NumberSequence(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
    this.jdbc = jdbc;
    this.newTransaction = new TransactionTemplate(transactionManager);
    this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** The next number (1, 2, ...) of that kind for the agency and year; must run inside a transaction. */
  @Transactional(propagation = Propagation.MANDATORY)
  public long next(String agencyCode, String kind, int year) {
    if (increment(agencyCode, kind, year) == 0) {
      createCounter(agencyCode, kind, year);
      if (increment(agencyCode, kind, year) == 0) {
        throw new IllegalStateException("number counter missing: " + agencyCode + "/" + kind + "/" + year);
      }
    }
    return jdbc.sql("SELECT last_value FROM gk_number_sequence WHERE agency_code = ? AND kind = ? AND seq_year = ?")
        .params(agencyCode, kind, year)
        .query(Long.class)
        .single();
  }

  private int increment(String agencyCode, String kind, int year) {
    return jdbc.sql("UPDATE gk_number_sequence SET last_value = last_value + 1"
            + " WHERE agency_code = ? AND kind = ? AND seq_year = ?")
        .params(agencyCode, kind, year)
        .update();
  }

  /** Creates the year's counter in its own transaction, so a lost race does not poison the caller's. */
  private void createCounter(String agencyCode, String kind, int year) {
    try {
      newTransaction.executeWithoutResult(status -> jdbc.sql(
              "INSERT INTO gk_number_sequence (agency_code, kind, seq_year, last_value) VALUES (?, ?, ?, 0)")
          .params(agencyCode, kind, year)
          .update());
    } catch (DuplicateKeyException lostRace) {
      // another transaction created it first: fine
    }
  }
}
