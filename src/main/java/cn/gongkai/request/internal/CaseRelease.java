package cn.gongkai.request.internal;

import cn.gongkai.letters.ArchiveInput;
import cn.gongkai.material.Mark;
import cn.gongkai.material.MarkState;
import cn.gongkai.material.MaterialView;
import cn.gongkai.material.Materials;
import cn.gongkai.material.Release;
import cn.gongkai.request.DisclosureCase;
import cn.gongkai.request.ExemptionCode;
import cn.gongkai.request.Outcome;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.springframework.stereotype.Component;

/**
 * The information a case releases (the files attached at 办理申请, redacted where parts are withheld, 条例第三十七条)
 * as the disclosure steps check it: what the handler must have attached and marked, what the reviewers must have
 * looked at, and what the archive keeps. Only the redacted copies ever go out.
 */
@Component
class CaseRelease {

  private final Materials materials;

  CaseRelease(Materials materials) {
    this.materials = materials;
  }

  /** What the handler's decision releases: the redacted copies' pages and the grounds the marks cite. */
  record Checked(int pages, List<String> exemptionCodes) {

    /** The codes as one comma-separated value (letters), in the order of domain §3; null when none. */
    String codes() {
      return exemptionCodes.isEmpty() ? null : String.join(",", exemptionCodes);
    }

    /** The first ground in the order of domain §3 (the register keeps one code per case). */
    String primaryCode() {
      return exemptionCodes.isEmpty() ? null : exemptionCodes.get(0);
    }
  }

  /**
   * Checks the material for a decision that releases information. 部分公开 needs attached files with at least one
   * mark (区分处理), since what is withheld must be recorded and reviewed; 予以公开 may go without files (the 获取方式
   * says how the information is given: inspection on site, a published address, copies handed over), but files it
   * attaches carry no marks. A mark a reviewer returned must be changed (saved again) or removed first.
   */
  Checked checkDecision(DisclosureCase c, Outcome outcome) {
    Release release = materials.release(c.caseNumber());
    List<Mark> marks = marks(release);
    if (release.materials().isEmpty()) {
      if (outcome == Outcome.PARTIAL) {
        throw new BadUserRequestException("部分公开须先在案件卷宗中上传拟公开的文件，并标注不予公开的内容（区分处理）");
      }
      // 予以公开 without files: the 获取方式 alone tells how the information is given (on site, a published address)
      return new Checked(0, List.of());
    }
    long returned = marks.stream().filter(m -> m.state() == MarkState.RETURNED).count();
    if (returned > 0) {
      throw new BadUserRequestException("有" + returned + "处标注被审查退回，请在标注页面修改或删除后重新保存，再提交答复决定");
    }
    if (outcome == Outcome.PARTIAL && marks.isEmpty()) {
      throw new BadUserRequestException("部分公开须在所附文件中标注不予公开的内容并选择理由（区分处理）；"
          + "所附文件全部可以公开的，答复类型请选择“予以公开”");
    }
    if (outcome == Outcome.DISCLOSE && !marks.isEmpty()) {
      throw new BadUserRequestException("所附文件中有" + marks.size() + "处不予公开的标注，答复类型应为“部分公开”；"
          + "全部予以公开的，请先在标注页面删除这些标注");
    }
    List<String> codes = release.exemptionCodes().stream().distinct()
        .sorted(Comparator.comparingInt(CaseRelease::domainOrder)).toList();
    return new Checked(release.totalPages(), codes);
  }

  /**
   * Checks a reviewer's conclusion against the marks (保密审查, 法制审核): a pass needs every mark reviewed and none
   * returned; a return with returned marks lists them (file, page, ground, reason) for the handler. Returns that list,
   * or null when no mark is returned.
   */
  String checkReview(DisclosureCase c, String decision, String step) {
    Release release = materials.release(c.caseNumber());
    List<String> returned = new ArrayList<>();
    int open = 0;
    for (MaterialView material : release.materials()) {
      for (Mark mark : materials.marks(material.id())) {
        if (mark.state() == MarkState.PROPOSED) {
          open++;
        } else if (mark.state() == MarkState.RETURNED) {
          returned.add("“" + material.fileName() + "”第" + mark.page() + "页，" + mark.exemptionLabel() + "：" + mark.returnReason());
        }
      }
    }
    if ("APPROVED".equals(decision)) {
      if (!returned.isEmpty()) {
        throw new BadUserRequestException("有" + returned.size() + "处标注已退回，" + step + "结论应为“退回承办”");
      }
      if (open > 0) {
        throw new BadUserRequestException("尚有" + open + "处标注未审查，请在材料审查页面逐项通过或退回后再提交" + step + "结论");
      }
    }
    if (returned.isEmpty()) {
      return null;
    }
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < returned.size(); i++) {
      lines.add((i + 1) + ". " + returned.get(i));
    }
    return String.join("\n", lines);
  }

  /** Whether the marks changed since the reviews passed (a mark not approved): the release must be reviewed again. */
  boolean changedSinceReview(DisclosureCase c) {
    Release release = materials.release(c.caseNumber());
    return !release.materials().isEmpty() && !release.allRedactionsApproved();
  }

  /** The archive's part: originals, redacted copies, the redaction log and checksums. */
  List<ArchiveInput.Attachment> archiveEntries(DisclosureCase c) {
    if (materials.list(c.caseNumber()).isEmpty()) {
      return List.of();
    }
    return materials.archiveEntries(c.caseNumber()).stream()
        .map(e -> new ArchiveInput.Attachment(e.getKey(), e.getValue()))
        .toList();
  }

  private List<Mark> marks(Release release) {
    List<Mark> all = new ArrayList<>();
    release.materials().forEach(m -> all.addAll(materials.marks(m.id())));
    return all;
  }

  private static int domainOrder(String code) {
    try {
      return ExemptionCode.valueOf(code).ordinal();
    } catch (IllegalArgumentException e) {
      return Integer.MAX_VALUE;
    }
  }
}
