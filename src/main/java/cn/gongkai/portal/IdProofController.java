package cn.gongkai.portal;

import cn.gongkai.security.CurrentUser;
import cn.gongkai.security.Roles;
import cn.gongkai.web.NotFoundException;
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
class IdProofController {

  private final PortalRequests requests;

  IdProofController(PortalRequests requests) {
    this.requests = requests;
  }

  @GetMapping("/api/portal/submissions/{number}/id-proof")
  ResponseEntity<byte[]> idProof(@PathVariable String number, HttpServletRequest request) {
    CurrentUser.requireAnyRole(request, Roles.INTAKE, Roles.ADMIN);
    IdProof proof = requests.idProof(number).orElseThrow(() -> new NotFoundException("该网上申请没有身份证明附件"));
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(proof.contentType()))
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.inline().filename(proof.fileName(), StandardCharsets.UTF_8).build().toString())
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(proof.content());
  }
}
