package cn.gongkai.material;

/** An area of a page in PDF points, origin bottom-left, page 1-based. */
public record Box(int page, float x, float y, float w, float h) {

  /** Whether the two areas overlap (same page, positive intersection). */
  public boolean intersects(Box other) {
    return page == other.page && x < other.x + other.w && other.x < x + w && y < other.y + other.h
        && other.y < y + h;
  }
}
