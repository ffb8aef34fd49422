package cn.gongkai.letters;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jakarta.annotation.PreDestroy;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Renders generated letters outside the step that generates them, without ever losing one. The step commits the
 * version row with everything the letter will say (the kind and its filled-in fields) and no content; the .docx
 * is rendered right after the commit on a background thread, or by whoever reads the letter first, or by the
 * sweep at start-up when the JVM died in between. Rendering is a pure function of what was committed (and the
 * template), so whichever of them comes first stores it and the others find nothing left to do.
 */
@Component
class LetterRendering {

  private static final Logger log = LoggerFactory.getLogger(LetterRendering.class);
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private final DocumentStore store;
  private final LetterTemplates templates;
  private final ObjectMapper json = new ObjectMapper();
  /** One daemon thread (not a Spring bean, so Boot's own task executor stays as it was). */
  private final ExecutorService background = Executors.newSingleThreadExecutor(task -> {
    Thread thread = new Thread(task, "gongkai-letter-render");
    thread.setDaemon(true);
    return thread;
  });
  private volatile Executor executor = background;

  LetterRendering(DocumentStore store, LetterTemplates templates) {
    this.store = store;
    this.templates = templates;
  }

  /** Tests replace the after-commit thread (a dropping one plays a JVM that died right after the commit). */
  Executor useExecutor(Executor replacement) {
    Executor previous = executor;
    executor = replacement;
    return previous;
  }

  @PreDestroy
  void stop() {
    background.shutdown();
  }

  /**
   * Stores a generated version (committed with the caller's transaction) and has it rendered after the commit;
   * outside a transaction it is rendered at once.
   */
  void store(long documentId, int version, String fileName, LetterKind kind, Map<String, Object> model,
      OffsetDateTime createdAt, String createdBy, String note) {
    Map<String, Object> pending = new LinkedHashMap<>();
    pending.put("kind", kind.name());
    pending.put("model", model);
    String text;
    try {
      text = json.writeValueAsString(pending);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot store the fields of a " + kind, e);
    }
    long row = store.insertPendingVersion(documentId, version, fileName, DocumentContent.DOCX, text, createdAt,
        createdBy, note);
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          executor.execute(() -> renderQuietly(row));
        }
      });
    } else {
      render(row);
    }
  }

  /** Renders what the document still waits for: every read of a document's versions or content comes here first. */
  void renderDocument(long documentId) {
    store.pendingVersions(documentId).forEach(this::render);
  }

  /** Renders what the case's documents still wait for (before they are archived). */
  void renderCase(String caseKind, long caseId) {
    store.pendingVersionsOfCase(caseKind, caseId).forEach(this::render);
  }

  /** The sweep at start-up: letters committed before the JVM stopped and not rendered since. */
  @EventListener(ApplicationReadyEvent.class)
  void renderLeftOvers() {
    executor.execute(() -> {
      List<Long> rows = store.allPendingVersions();
      if (!rows.isEmpty()) {
        log.info("{} 份文书在上次停止前已登记但尚未生成文件，现在生成", rows.size());
        rows.forEach(this::renderQuietly);
      }
    });
  }

  /** Renders one pending version row; nothing to do when it was rendered already. */
  void render(long row) {
    String text = store.renderModel(row).orElse(null);
    if (text == null) {
      return;
    }
    Map<String, Object> pending;
    try {
      pending = json.readValue(text, MAP);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable fields of letter version " + row, e);
    }
    LetterKind kind = LetterKind.valueOf((String) pending.get("kind"));
    @SuppressWarnings("unchecked")
    Map<String, Object> model = (Map<String, Object>) pending.get("model");
    String agency = store.agencyOfVersion(row).orElse(null);
    store.completeRender(row, LetterRenderer.render(templates.template(kind, agency), model));
  }

  private void renderQuietly(long row) {
    try {
      render(row);
    } catch (RuntimeException e) {
      // stays pending: rendered on first read or at the next start
      log.warn("文书版本 {} 暂未生成文件，将在首次读取时生成：{}", row, e.toString());
    }
  }
}
