package cn.gongkai.material;

/** The kinds of personal data the detector proposes to mark (contract names of the REST API). */
public enum SuggestionKind {
  ID_NUMBER,
  PHONE,
  BANK_CARD,
  EMAIL,
  NAME
}
