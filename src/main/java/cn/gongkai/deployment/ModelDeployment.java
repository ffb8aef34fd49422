package cn.gongkai.deployment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the top-level {@code bpmn/} and {@code forms/} folders (packaged on the classpath) as one
 * deployment named "gongkai", resources named by their folder and file ("forms/x.form") wherever the
 * application runs from. If anything changed, everything is deployed together so that each process
 * version finds the forms of its own deployment ({@code formRefBinding="deployment"}); running cases
 * keep theirs. If nothing changed, nothing is deployed.
 */
@Component
class ModelDeployment implements SmartInitializingSingleton {

  static final String NAME = "gongkai";
  private static final Logger log = LoggerFactory.getLogger(ModelDeployment.class);

  private final RepositoryService repositoryService;

  ModelDeployment(RepositoryService repositoryService) {
    this.repositoryService = repositoryService;
  }

  @Override
  public void afterSingletonsInstantiated() {
    try {
      PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
      DeploymentBuilder deployment = repositoryService.createDeployment()
          .name(NAME)
          .source("gongkai")
          .enableDuplicateFiltering(false);
      int count = 0;
      for (String folder : new String[] {"bpmn", "forms"}) {
        for (Resource resource : resolver.getResources("classpath*:" + folder + "/*.*")) {
          try (InputStream in = resource.getInputStream()) {
            deployment.addInputStream(folder + "/" + resource.getFilename(), new ByteArrayInputStream(in.readAllBytes()));
            count++;
          }
        }
      }
      String id = deployment.deploy().getId();
      log.info("Deployed {} resources from bpmn/ and forms/ (deployment {})", count, id);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read bpmn/ or forms/ from the classpath", e);
    }
  }
}
