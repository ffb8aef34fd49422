package cn.gongkai.web;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.errorcode.BuiltinExceptionCode;
import org.camunda.bpm.engine.impl.errorcode.ExceptionCodeProvider;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * How the engine's failures reach a user. A step's refusal (a {@link BadUserRequestException} with a
 * Chinese sentence, or gongkai's {@link BadRequestException}) gets the error code {@link #REFUSED}, and
 * its sentence is kept for the request; an optimistic-locking conflict has the engine's code 1. The
 * {@link EngineErrorFilter} turns both into 400 / 409 answers of the engine REST API and of the
 * webapps' engine API, where Camunda would answer 500 with "Cannot submit task form &lt;id&gt;: …".
 */
public final class EngineErrors {

  /** The error code of a refusal (Camunda reserves codes below 20000 for itself). */
  public static final int REFUSED = 20_400;

  /** What a user reads when a timer or a colleague changed the case while they submitted. */
  public static final String CONCURRENT_UPDATE = "案件已被其他操作更新，请刷新后重试";

  static final String REFUSAL_ATTRIBUTE = EngineErrors.class.getName() + ".refusal";

  private EngineErrors() {}

  /** The refusal's sentence: the innermost refusal in the cause chain, without the engine's wrapping. */
  public static String refusal(Throwable failure) {
    String sentence = null;
    for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
      if (t instanceof BadRequestException bad) {
        sentence = String.join("；", bad.problems().stream().map(p -> p.message() + "（" + p.field() + "）").toList());
      } else if (t instanceof BadUserRequestException) {
        sentence = t.getMessage();
      }
    }
    return sentence;
  }

  /** Whether the failure is a conflict with a concurrent change of the same case. */
  static boolean isConcurrentUpdate(Integer code) {
    return code != null && (code == BuiltinExceptionCode.OPTIMISTIC_LOCKING.getCode()
        || code == BuiltinExceptionCode.DEADLOCK.getCode());
  }

  /** Gives refusals their code and keeps the sentence for the filter; the built-in codes stay as they are. */
  static final class CodeProvider implements ExceptionCodeProvider {

    @Override
    public Integer provideCode(ProcessEngineException failure) {
      if (failure instanceof OptimisticLockingException) {
        return null;
      }
      String sentence = refusal(failure);
      if (sentence == null) {
        return null;
      }
      RequestAttributes request = RequestContextHolder.getRequestAttributes();
      if (request != null) {
        request.setAttribute(REFUSAL_ATTRIBUTE, sentence, RequestAttributes.SCOPE_REQUEST);
      }
      return REFUSED;
    }
  }
}
