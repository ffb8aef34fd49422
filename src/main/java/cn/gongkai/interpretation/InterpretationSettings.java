package cn.gongkai.interpretation;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the 三同步 process (domain §7, §10.3).
 *
 * @param publishWithinWorkingDays the interpretation is published at the latest this many working days
 *     after the policy (3)
 * @param caseNumberPattern case numbers: {@code YYYY} year, {@code N} sequence, {@code {agency}} short name
 *     ({@code 解读〔YYYY〕第N号})
 */
@ConfigurationProperties("gongkai.interpretation")
public record InterpretationSettings(Integer publishWithinWorkingDays, String caseNumberPattern) {

  public InterpretationSettings {
    publishWithinWorkingDays = publishWithinWorkingDays == null ? 3 : publishWithinWorkingDays;
    caseNumberPattern = caseNumberPattern == null || caseNumberPattern.isBlank() ? "解读〔YYYY〕第N号"
        : caseNumberPattern;
  }
}
