package cn.gongkai.request;

import java.math.BigDecimal;

/**
 * Information processing fees (国办函〔2020〕109号): free by default; only excessive volume is charged,
 * per item (counted per applicant per calendar month) or per page (per request), never both.
 */
public final class FeeTariff {

  /** The basis a fee is computed on. */
  public enum Basis { ITEMS, PAGES }

  private FeeTariff() {}

  /**
   * Per item: items 1-10 of the month free, 11-30 100 yuan each, then each further band of 10 items
   * costs 100 yuan more per item (31-40 200, 41-50 300, ...).
   *
   * @param earlierItemsThisMonth items the same applicant already asked for this calendar month
   * @param items items in this request
   */
  public static BigDecimal byItems(int earlierItemsThisMonth, int items) {
    requireNonNegative(earlierItemsThisMonth);
    requireNonNegative(items);
    long total = 0;
    for (int n = earlierItemsThisMonth + 1; n <= earlierItemsThisMonth + items; n++) {
      total += itemPrice(n);
    }
    return BigDecimal.valueOf(total);
  }

  static long itemPrice(int n) {
    if (n <= 10) {
      return 0;
    }
    if (n <= 30) {
      return 100;
    }
    return 100L * (2 + (n - 31) / 10);
  }

  /** Per page of one request: 1-30 free, 31-100 10 yuan each, 101-200 20 yuan each, 201+ 40 yuan each. */
  public static BigDecimal byPages(int pages) {
    requireNonNegative(pages);
    long total = 0;
    for (int p = 31; p <= pages; p++) {
      total += p <= 100 ? 10 : p <= 200 ? 20 : 40;
    }
    return BigDecimal.valueOf(total);
  }

  private static void requireNonNegative(int value) {
    if (value < 0) {
      throw new IllegalArgumentException("negative quantity: " + value);
    }
  }
}
