package cn.gongkai.letters;

import java.util.Optional;

/** Resolves a case number from a URL to the case it names; the request module may provide its own. */
public interface CaseLookup {

  /** The case with that number, if any. */
  Optional<CaseRef> find(String caseNumber);
}
