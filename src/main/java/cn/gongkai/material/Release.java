package cn.gongkai.material;

import java.util.List;

/** What goes out with the reply: the case's materials (as redacted copies), their pages and exemption codes. */
public record Release(String caseNumber, List<MaterialView> materials, int totalPages,
    boolean allRedactionsApproved, List<String> exemptionCodes) {}
