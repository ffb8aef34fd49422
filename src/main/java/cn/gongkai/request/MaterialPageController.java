package cn.gongkai.request;

import cn.gongkai.material.ExemptionCode;
import cn.gongkai.material.MaterialView;
import cn.gongkai.material.Materials;
import cn.gongkai.security.CurrentUser;
import cn.gongkai.security.Roles;
import cn.gongkai.web.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The staff screens of the released information (区分处理, 条例第三十七条): the handler's marking screen (page images,
 * the detector's suggestions to accept or reject, areas drawn with the mouse or text typed, each with its exemption
 * code) and the reviewers' screen (original and redacted copy side by side, approve or return each mark).
 */
@Controller
class MaterialPageController {

  private final CaseRegister register;
  private final Materials materials;

  MaterialPageController(CaseRegister register, Materials materials) {
    this.register = register;
    this.materials = materials;
  }

  /** One page of the material: its number and size in PDF points (the page images are drawn to this size). */
  public record PageSize(int page, float width, float height) {}

  /** An exemption code as the select offers it: code, Chinese label, article. */
  public record Code(String code, String label, String article) {}

  @GetMapping("/cases/{caseNumber}/materials/{id}")
  String mark(@PathVariable String caseNumber, @PathVariable long id, HttpServletRequest request, Model model) {
    prepare(caseNumber, id, request, model);
    boolean closed = (Boolean) model.getAttribute("closed");
    model.addAttribute("mayMark", !closed && request.isUserInRole(Roles.HANDLER));
    return "material-mark";
  }

  @GetMapping("/cases/{caseNumber}/materials/{id}/review")
  String review(@PathVariable String caseNumber, @PathVariable long id, HttpServletRequest request, Model model) {
    prepare(caseNumber, id, request, model);
    boolean closed = (Boolean) model.getAttribute("closed");
    model.addAttribute("mayReview", !closed && (request.isUserInRole(Roles.REVIEWER)
        || request.isUserInRole(Roles.LEGAL)));
    return "material-review";
  }

  private void prepare(String caseNumber, long id, HttpServletRequest request, Model model) {
    CurrentUser.requireAnyRole(request, Roles.HANDLER, Roles.REVIEWER, Roles.LEGAL, Roles.LEADER, Roles.ADMIN);
    DisclosureCase c = register.findByNumber(caseNumber)
        .orElseThrow(() -> new NotFoundException("案件不存在：" + caseNumber));
    // another agency's case (or material) answers exactly as one that does not exist
    CurrentUser.requireAgency(request, c.agencyCode(), "案件不存在：" + caseNumber);
    MaterialView material = materials.get(id);
    if (!material.caseNumber().equals(c.caseNumber())
        || materials.list(caseNumber).stream().noneMatch(m -> m.id() == id)) {
      throw new NotFoundException("材料不存在：" + id);
    }
    model.addAttribute("c", c.masked());
    model.addAttribute("m", material);
    model.addAttribute("pages", pageSizes(materials.originalPdf(id)));
    model.addAttribute("codes", Arrays.stream(ExemptionCode.values())
        .map(e -> new Code(e.name(), e.label(), e.article())).toList());
    model.addAttribute("closed", c.status() == CaseStatus.CLOSED || c.archivedAt() != null);
  }

  private static List<PageSize> pageSizes(byte[] pdf) {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      List<PageSize> sizes = new ArrayList<>();
      int n = 0;
      for (PDPage page : document.getPages()) {
        PDRectangle box = page.getCropBox();
        sizes.add(new PageSize(++n, box.getWidth(), box.getHeight()));
      }
      return sizes;
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the pages of a stored material", e);
    }
  }
}
