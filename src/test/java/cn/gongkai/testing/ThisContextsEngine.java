package cn.gongkai.testing;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Engine REST and the webapps find their engine by name in Camunda's static registry ({@link ProcessEngines}),
 * where every Spring context of the test JVM registers its engine as "default": the last one started wins, and
 * a closed context removes the name altogether. Before each test, the name points at the test's own context's
 * engine, so an HTTP call reaches the database the test looks at. Registered in META-INF/spring.factories.
 */
public class ThisContextsEngine implements TestExecutionListener, Ordered {

  @Override
  public void beforeTestMethod(TestContext testContext) {
    if (!testContext.hasApplicationContext()) {
      return;
    }
    ApplicationContext context = testContext.getApplicationContext();
    context.getBeanProvider(ProcessEngine.class).ifAvailable(ProcessEngines::registerProcessEngine);
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
