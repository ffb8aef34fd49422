package cn.gongkai.web;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** The shape of every error answer of /api, as the OpenAPI description shows it ({@link ErrorResponses} writes it). */
@Schema(name = "ApiError", description = "错误应答：HTTP 状态码、一句中文说明，以及逐个字段的问题（仅输入有误时）")
record ApiErrorBody(
    @Schema(description = "HTTP 状态码，如 400、401、403、404、409", example = "400") int status,
    @Schema(description = "中文说明，可直接展示给用户", example = "请求内容有误") String message,
    @ArraySchema(arraySchema = @Schema(description = "有误的字段，每项一个字段及其中文原因；非输入错误时为空"))
    List<FieldError> errors) {

  @Schema(name = "ApiFieldError", description = "一个有误的字段")
  record FieldError(
      @Schema(description = "字段名（JSON 属性名、请求参数名或导入文件的行列）", example = "receivedOn") String field,
      @Schema(description = "中文原因", example = "收到日期不能晚于今天") String message) {}
}
