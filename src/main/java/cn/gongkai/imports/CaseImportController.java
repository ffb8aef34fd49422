package cn.gongkai.imports;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import cn.gongkai.agency.Agencies;
import cn.gongkai.agency.Agency;
import cn.gongkai.security.CurrentUser;
import cn.gongkai.security.Roles;
import cn.gongkai.web.BadRequestException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Import of earlier cases, for administrators: {@code POST /api/imports/cases} (multipart {@code file}, .xlsx or
 * .csv in the template's columns; optional {@code ?agency=code}, default the installation's agency) and the
 * template {@code GET /api/imports/cases/template.xlsx}.
 */
@Tag(name = "历史案件导入", description = "年度中途启用时导入本年度此前的案件")
@RestController
class CaseImportController {

  private static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  private final CaseImport imports;
  private final Agencies agencies;

  CaseImportController(CaseImport imports, Agencies agencies) {
    this.imports = imports;
    this.agencies = agencies;
  }

  @Operation(summary = "导入历史案件", description = "multipart 字段 file 上传 .xlsx 或 .csv（按模板的列）；整份文件校验，任一单元格有误则全部拒绝并列出每个有误的行和列；成功返回 201。")
  @PostMapping("/api/imports/cases")
  ResponseEntity<Map<String, Object>> importCases(@RequestParam(value = "file", required = false) MultipartFile file,
      @RequestParam(required = false) String agency, HttpServletRequest request) throws IOException {
    String user = CurrentUser.requireAnyRole(request, Roles.ADMIN);
    if (file == null || file.isEmpty()) {
      throw new BadRequestException("file", "请上传导入文件（.xlsx 或 .csv，字段名 file）");
    }
    String fileName = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()
        ? "导入文件" : file.getOriginalFilename().replace("\u0000", "").strip();
    if (fileName.length() > 300) {
      fileName = fileName.substring(fileName.length() - 300);
    }
    String code = agency == null || agency.isBlank() ? CurrentUser.homeAgency(request) : agency.strip();
    Agency target = code == null ? agencies.defaultAgency() : agencies.get(code);
    CurrentUser.requireAgency(request, target.code(), "机关不存在：" + target.code());
    CaseImport.Result result = imports.importCases(target, fileName, file.getBytes(), user);
    return ResponseEntity.status(HttpStatus.CREATED).body(CaseImport.describe(result));
  }

  @Operation(summary = "下载导入模板", description = "历史案件导入的 Excel 模板。")
  @GetMapping("/api/imports/cases/template.xlsx")
  ResponseEntity<byte[]> template(HttpServletRequest request) {
    CurrentUser.requireAnyRole(request, Roles.ADMIN);
    return ResponseEntity.ok()
        .contentType(XLSX)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename("历史案件导入模板.xlsx", StandardCharsets.UTF_8).build().toString())
        .body(ImportTemplate.workbook());
  }
}
