package cn.gongkai.letters;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/** Document numbers under concurrent generation: no gap, no duplicate. */
@SpringBootTest
@ActiveProfiles("test")
class LetterNumberingRaceIT {

  static final int THREADS = 2;
  static final int PER_THREAD = 20;

  @Autowired Letters letters;
  @Autowired JdbcClient jdbc;

  @Test
  void concurrentGenerationsGetConsecutiveDistinctNumbers() throws Exception {
    // given a new agency whose refusals start at number 1, and two threads released together
    CaseRef ref = TestCases.disclosureCase(jdbc, TestCases.agency(jdbc));
    LetterData data = LetterSamples.data(ref, LetterKind.REFUSE, "PROCESS_INFO");
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    List<Future<List<String>>> results = new ArrayList<>();
    try {
      for (int t = 0; t < THREADS; t++) {
        Callable<List<String>> worker = () -> {
          start.await();
          List<String> numbers = new ArrayList<>();
          for (int i = 0; i < PER_THREAD; i++) {
            numbers.add(letters.generate(LetterKind.REFUSE, data, "legal").number());
          }
          return numbers;
        };
        results.add(pool.submit(worker));
      }

      // when both generate 20 refusals at the same time
      start.countDown();
      List<String> numbers = new ArrayList<>();
      for (Future<List<String>> result : results) {
        numbers.addAll(result.get(2, TimeUnit.MINUTES));
      }

      // then the 40 numbers are exactly 1..40, each once, and so are the stored rows
      assertThat(numbers).containsExactlyInAnyOrderElementsOf(
          LongStream.rangeClosed(1, THREADS * PER_THREAD).mapToObj(n -> TestCases.shortName(ref.agencyCode()) + "公开否〔2026〕第" + n + "号").toList());
      assertThat(jdbc.sql("SELECT doc_seq FROM gk_document WHERE agency_code = ? ORDER BY doc_seq")
              .param(ref.agencyCode()).query(Long.class).list())
          .containsExactlyElementsOf(LongStream.rangeClosed(1, THREADS * PER_THREAD).boxed().toList());
    } finally {
      pool.shutdownNow();
    }
  }
}
