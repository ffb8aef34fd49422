package cn.gongkai.casestudy;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the 依申请公开案例入库 process (云政办发〔2019〕55号 item 74, which sets no review limit).
 *
 * @param reviewWithinWorkingDays the office reviews a proposed case study within this many working days of its
 *     submission (5: one working week, the shortest limit the Regulations give an agency for an internal step,
 *     a third party's or another agency's opinion, 条例第三十二条; a one-page de-identified text needs no more)
 * @param caseNumberPattern case-study numbers: {@code YYYY} year, {@code N} sequence, {@code {agency}} short name
 */
@ConfigurationProperties("gongkai.case-study")
public record CaseStudySettings(Integer reviewWithinWorkingDays, String caseNumberPattern) {

  public CaseStudySettings {
    reviewWithinWorkingDays = reviewWithinWorkingDays == null ? 5 : reviewWithinWorkingDays;
    if (reviewWithinWorkingDays < 1 || reviewWithinWorkingDays > 60) {
      throw new IllegalArgumentException("gongkai.case-study.review-within-working-days must be 1..60");
    }
    caseNumberPattern = caseNumberPattern == null || caseNumberPattern.isBlank() ? "案例〔YYYY〕第N号"
        : caseNumberPattern;
  }
}
