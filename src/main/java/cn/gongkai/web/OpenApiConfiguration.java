package cn.gongkai.web;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.converter.ResolvedSchema;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description of gongkai's REST API ({@code /v3/api-docs}, UI {@code /swagger-ui.html}), in Chinese:
 * every operation carries the error answers it can give in the one shape {@link ApiErrorBody}, and the request
 * parameters used across the API are described once here. Both paths are authenticated like /api itself
 * (cn.gongkai.security.WebSecurityConfiguration).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

  static final String ERROR_SCHEMA = "ApiError";

  /** Parameters that recur across controllers; a controller's own {@code @Parameter} wins. */
  static final Map<String, String> PARAMETERS = Map.ofEntries(
      Map.entry("caseNumber", "案件编号，如 〔2026〕第1号（路径中须 URL 编码）"),
      Map.entry("id", "编号（数据库中的 id）"),
      Map.entry("year", "年份，四位数字"),
      Map.entry("agency", "机关代码；缺省为本系统配置的机关（gongkai.agency.code）"),
      Map.entry("version", "文书版本号；缺省为最新版本"),
      Map.entry("file", "上传的文件"),
      Map.entry("kind", "文书种类（LetterKind，如 DISCLOSE 予以公开答复书）"),
      Map.entry("processInstanceId", "流程实例 id"),
      Map.entry("userId", "用户 id"),
      Map.entry("process", "流程标识：disclosure-request 政府信息公开申请、policy-interpretation 三同步、"
          + "public-opinion 政务舆情回应、citizen-message 网民留言咨询、proposal-reply 建议提案办理、"
          + "disclosure-case-study 依申请公开案例入库；缺省为全部"),
      Map.entry("state", "督办状态，可用逗号分隔多个：OVERDUE 已逾期、PAUSED 计时暂停、DUE_SOON 即将到期、"
          + "PROVISIONAL 期限待定、NORMAL 正常；缺省为全部"),
      Map.entry("page", "页码，从 1 开始（缺省 1）"),
      Map.entry("size", "每页条数"),
      Map.entry("ids", "任务 id，用逗号分隔"),
      Map.entry("start", "起算日期（yyyy-MM-dd，北京时间）"),
      Map.entry("workingDays", "工作日天数"),
      Map.entry("user", "只看该用户的记录"),
      Map.entry("from", "起始日期（含，yyyy-MM-dd）"),
      Map.entry("to", "截止日期（含，yyyy-MM-dd）"),
      Map.entry("code", "机关代码（如 chuxiong、zwfw）；门户接口中为查询码"),
      Map.entry("number", "申请编号（如 WS20261126-7KQ3M9XP）或受理后的案件编号"),
      Map.entry("documentId", "文书编号（数据库中的 id）"),
      Map.entry("X-Query-Code", "查询码（也可放在请求头中，避免出现在地址里）"),
      Map.entry("outcome", "答复类型（如 PARTIAL 部分公开、REFUSE 不予公开）；缺省为全部"),
      Map.entry("exemption", "不予公开理由代码（如 THIRD_PARTY 商业秘密或个人隐私、PROCESS_INFO 过程性信息）；缺省为全部"),
      Map.entry("q", "关键词，在申请内容概述、办理结果、答复理由、法律依据、经验启示和案例编号中查找；缺省为全部"),
      Map.entry("scope", "汇总范围：prefecture 为全州汇总（州政务公开办及所属各机关）"));

  /**
   * springdoc's beans (the document builder, its controllers, swagger-ui's resources) and gongkai's own OpenAPI
   * beans are created on the first request for the document or the UI, not at start-up: few people open them, and
   * building them took part of the start-up that issue 15 measures against a bare Camunda app. Beans that another
   * bean needs at start (a WebMvcConfigurer, say) are still created then: lazy only defers, it never drops one.
   */
  @Bean
  static BeanFactoryPostProcessor lazyOpenApiBeans() {
    return factory -> {
      for (String name : factory.getBeanDefinitionNames()) {
        BeanDefinition definition = factory.getBeanDefinition(name);
        String declaredBy = definition instanceof AnnotatedBeanDefinition annotated
            && annotated.getFactoryMethodMetadata() != null
            ? annotated.getFactoryMethodMetadata().getDeclaringClassName()
            : definition.getBeanClassName();
        if (declaredBy != null && (declaredBy.startsWith("org.springdoc.")
            || declaredBy.equals(OpenApiConfiguration.class.getName()))) {
          definition.setLazyInit(true);
        }
      }
    };
  }

  @Bean
  OpenAPI gongkaiOpenApi() {
    return new OpenAPI()
        .info(new Info()
            .title("gongkai 政府信息依申请公开 API")
            .version("v1")
            .description("政府信息依申请公开与政策解读“三同步”审批的 REST 接口。所有接口均须登录："
                + "HTTP Basic（Camunda 用户名和密码），或已登录 Camunda 网页应用的会话（仅限读取）。"
                + "拒绝的请求一律以中文说明应答：JSON 形如 {\"status\":400,\"message\":\"请求内容有误\","
                + "\"errors\":[{\"field\":\"receivedOn\",\"message\":\"…\"}]}。"))
        .components(new Components()
            .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                .description("Camunda 用户名和密码")))
        .addSecurityItem(new SecurityRequirement().addList("basic"));
  }

  /** Error answers and parameter descriptions on every operation, so that future controllers get them too. */
  @Bean
  OpenApiCustomizer gongkaiErrorAnswers() {
    return openApi -> {
      ResolvedSchema error = ModelConverters.getInstance().resolveAsResolvedSchema(
          new io.swagger.v3.core.converter.AnnotatedType(ApiErrorBody.class).resolveAsRef(false));
      openApi.getComponents().addSchemas(ERROR_SCHEMA, error.schema);
      if (error.referencedSchemas != null) {
        error.referencedSchemas.forEach((name, schema) -> {
          if (!name.equals(ERROR_SCHEMA)) {
            openApi.getComponents().addSchemas(name, schema);
          }
        });
      }
      if (openApi.getPaths() == null) {
        return;
      }
      openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
        describeParameters(operation);
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        responses.forEach((status, answer) -> {
          if (status.startsWith("2") && ("OK".equals(answer.getDescription()) || "Created".equals(answer.getDescription())
              || answer.getDescription() == null)) {
            answer.setDescription("成功");
          }
        });
        // the same shape for every refusal, and when each happens
        responses.addApiResponse("400", errorAnswer("输入有误（errors 列出每个有误的字段及中文原因），从不以 500 应答"));
        responses.addApiResponse("401", errorAnswer("未登录，或用户名、密码错误（连续失败 5 次锁定 30 分钟）"));
        responses.addApiResponse("403", errorAnswer("已登录，但所在的组无权进行此操作"));
        if (path.contains("{")) {
          responses.addApiResponse("404", errorAnswer("路径中的案件、文书或年份不存在"));
        } else {
          responses.remove("404");
        }
        if (method != io.swagger.v3.oas.models.PathItem.HttpMethod.GET) {
          responses.addApiResponse("409", errorAnswer("与案件的当前状态冲突（如已被其他操作更新、年度已锁定），请刷新后重试"));
        } else {
          responses.remove("409");
        }
        operation.setResponses(responses);
      }));
    };
  }

  private static void describeParameters(Operation operation) {
    if (operation.getParameters() == null) {
      return;
    }
    for (Parameter parameter : operation.getParameters()) {
      if (parameter.getDescription() == null || parameter.getDescription().isBlank()) {
        parameter.setDescription(PARAMETERS.get(parameter.getName()));
      }
    }
  }

  private static ApiResponse errorAnswer(String description) {
    return new ApiResponse().description(description).content(new Content()
        .addMediaType("application/json", new MediaType().schema(new Schema<>().$ref("#/components/schemas/"
            + ERROR_SCHEMA))));
  }
}
