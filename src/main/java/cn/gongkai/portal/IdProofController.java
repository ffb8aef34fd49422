package cn.gongkai.portal;

import cn.gongkai.security.CurrentUser;
import cn.gongkai.security.Roles;
import cn.gongkai.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Staff (intake) open the ID proof an applicant attached online, from the confirmation task. */
@RestController
@Tag(name = "网上申请", description = "受理员查看网上申请所附的身份证明。")
class IdProofController {

  private final PortalRequests requests;

  IdProofController(PortalRequests requests) {
    this.requests = requests;
  }

  @Operation(summary = "网上申请的身份证明附件", description = "受理员确认网上申请时查看申请人上传的身份证明（JPG、PNG 或 PDF）；没有附件返回404。")
  @GetMapping("/api/portal/submissions/{number}/id-proof")
  ResponseEntity<byte[]> idProof(@PathVariable String number, HttpServletRequest request) {
    CurrentUser.requireAnyRole(request, Roles.INTAKE, Roles.ADMIN);
    IdProof proof = requests.idProof(number, agency -> CurrentUser.mayAccessAgency(request, agency)).orElseThrow(() -> new NotFoundException("该网上申请没有身份证明附件"));
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(proof.contentType()))
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.inline().filename(proof.fileName(), StandardCharsets.UTF_8).build().toString())
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(proof.content());
  }
}
