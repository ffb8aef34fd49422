package cn.gongkai.proposal;

import cn.gongkai.interpretation.DisclosureAttribute;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * 年度建议提案总体办理情况: the year's figures counted from the register (cases received that year) and the
 * paragraph the annual report and the 政府网站 publish (云政办发〔2019〕55号 item 21: "公开年度建议提案总体办理情况").
 */
@Component
public class ProposalSummary {

  private final ProposalRegister register;

  ProposalSummary(ProposalRegister register) {
    this.register = register;
  }

  /** A reason given for not publishing a reply, and how many replies gave it. */
  public record NotPublishedReason(String attribute, String attributeLabel, String reason, long count) {}

  /**
   * The year's figures.
   *
   * @param receivedByKind cases received per kind (SUGGESTION, PROPOSAL)
   * @param answeredOnTime approved replies sent by the last day of the limit
   * @param answeredLate approved replies sent after it
   * @param unanswered cases without an approved reply
   * @param overdueUnanswered of those, the ones past their limit today
   * @param byHandlingResult answered cases per 办理结果 (A, B, C)
   * @param markedPublic answered cases whose reply is to be published (公开)
   * @param published of those, the ones whose publication is recorded
   * @param notPublic answered cases whose reply is not published (不公开), with their reasons
   * @param text the paragraph in Chinese
   */
  public record Summary(int year, long received, Map<String, Long> receivedByKind, long answered,
      long answeredOnTime, long answeredLate, long unanswered, long overdueUnanswered,
      Map<String, Long> byHandlingResult, long markedPublic, long published, long notPublic,
      List<NotPublishedReason> notPublishedReasons, String text) {}

  /** The figures of the cases received in that year by the agencies named (null: every agency). */
  public Summary of(int year, Collection<String> agencies) {
    List<ProposalCase> cases = register.receivedIn(year, agencies);
    Map<String, Long> byKind = new LinkedHashMap<>();
    for (ProposalKind kind : ProposalKind.values()) {
      byKind.put(kind.name(), cases.stream().filter(c -> c.kind() == kind).count());
    }
    List<ProposalCase> answered = cases.stream().filter(c -> c.answeredOn() != null).toList();
    long late = answered.stream().filter(ProposalCase::answeredLate).count();
    long onTime = answered.size() - late;
    var today = ProposalClock.today();
    long overdueOpen = cases.stream()
        .filter(c -> c.answeredOn() == null && c.answerDueOn() != null && c.answerDueOn().isBefore(today)).count();
    Map<String, Long> byResult = new LinkedHashMap<>();
    for (HandlingResult r : HandlingResult.values()) {
      byResult.put(r.name(), answered.stream().filter(c -> c.handlingResult() == r).count());
    }
    List<ProposalCase> marked = answered.stream()
        .filter(c -> c.disclosureAttribute() != null && c.disclosureAttribute().publishedProactively()).toList();
    long published = marked.stream().filter(c -> c.publishedOn() != null).count();
    List<ProposalCase> notPublic = answered.stream()
        .filter(c -> c.disclosureAttribute() != null && !c.disclosureAttribute().publishedProactively()).toList();
    Map<List<String>, Long> grouped = new LinkedHashMap<>();
    for (ProposalCase c : notPublic) {
      grouped.merge(List.of(c.disclosureAttribute().name(), c.disclosureReason() == null ? "" : c.disclosureReason()),
          1L, Long::sum);
    }
    List<NotPublishedReason> reasons = grouped.entrySet().stream()
        .map(e -> new NotPublishedReason(e.getKey().get(0), DisclosureAttribute.valueOf(e.getKey().get(0)).label(),
            e.getKey().get(1), e.getValue()))
        .toList();
    long unanswered = cases.size() - answered.size();
    return new Summary(year, cases.size(), byKind, answered.size(), onTime, late, unanswered, overdueOpen, byResult,
        marked.size(), published, notPublic.size(), reasons,
        text(year, cases.size(), byKind, answered.size(), onTime, late, unanswered, overdueOpen, byResult,
            marked.size(), published, notPublic.size(), reasons));
  }

  static String text(int year, long received, Map<String, Long> byKind, long answered, long onTime, long late,
      long unanswered, long overdueOpen, Map<String, Long> byResult, long marked, long published, long notPublic,
      List<NotPublishedReason> reasons) {
    StringBuilder t = new StringBuilder();
    t.append(year).append("年共承办人大代表建议").append(byKind.get(ProposalKind.SUGGESTION.name())).append("件、政协提案")
        .append(byKind.get(ProposalKind.PROPOSAL.name())).append("件，合计").append(received).append("件");
    if (received == 0) {
      return t.append("。").toString();
    }
    t.append("；已办复").append(answered).append("件，其中按期办复").append(onTime).append("件、逾期办复").append(late)
        .append("件");
    if (unanswered > 0) {
      t.append("，尚未办复").append(unanswered).append("件");
      if (overdueOpen > 0) {
        t.append("（其中已超过办理期限").append(overdueOpen).append("件）");
      }
    }
    if (answered > 0) {
      t.append("。办理结果：所提问题已解决或基本解决的").append(byResult.get("A")).append("件，列入计划逐步解决的")
          .append(byResult.get("B")).append("件，因条件限制等原因作出说明解释的").append(byResult.get("C"))
          .append("件。办理复文公开").append(marked).append("件（已发布").append(published).append("件），不公开")
          .append(notPublic).append("件");
      if (!reasons.isEmpty()) {
        t.append("，不公开的理由为：");
        t.append(String.join("；", reasons.stream()
            .map(r -> r.attributeLabel() + (r.reason().isEmpty() ? "" : "——" + r.reason()) + "（" + r.count() + "件）")
            .toList()));
      }
    }
    return t.append("。").toString();
  }
}
