package cn.gongkai.material;

/** The review state of one mark: proposed by the handler, approved, or returned with a reason. */
public enum MarkState {
  PROPOSED,
  APPROVED,
  RETURNED
}
