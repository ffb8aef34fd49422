package cn.gongkai.letters;

import cn.gongkai.web.BadRequestException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Finds disclosure requests in the case register ({@code gk_disclosure_case}). */
@Component
class DisclosureCaseLookup implements CaseLookup {

  private final JdbcClient jdbc;

  DisclosureCaseLookup(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<CaseRef> find(String caseNumber) {
    List<CaseRef> found = jdbc.sql("SELECT id, case_number, agency_code FROM gk_disclosure_case WHERE case_number = ?")
        .param(caseNumber)
        .query((rs, i) -> new CaseRef(CaseRef.DISCLOSURE, rs.getLong("id"), rs.getString("case_number"),
            rs.getString("agency_code")))
        .list();
    if (found.size() > 1) {
      throw new BadRequestException("caseNumber", "多个机关使用了同一案件编号，无法确定是哪一件：" + caseNumber);
    }
    return found.stream().findFirst();
  }
}
