package cn.gongkai.request;

import java.time.DateTimeException;
import java.time.LocalDate;

/** Check-digit verification of Chinese identity numbers. */
final class IdNumbers {

  private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final String ID_CHECK = "10X98765432";
  private static final String USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  private static final int[] USCC_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

  private IdNumbers() {}

  /** 18-digit resident identity number: birth date and ISO 7064 MOD 11-2 check digit (GB 11643-1999). */
  static boolean isValidResidentId(String id) {
    if (id == null || !id.matches("\\d{17}[\\dX]")) {
      return false;
    }
    try {
      LocalDate.of(
          Integer.parseInt(id.substring(6, 10)),
          Integer.parseInt(id.substring(10, 12)),
          Integer.parseInt(id.substring(12, 14)));
    } catch (DateTimeException e) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (id.charAt(i) - '0') * ID_WEIGHTS[i];
    }
    return ID_CHECK.charAt(sum % 11) == id.charAt(17);
  }

  /** 18-character unified social credit code with its MOD 31 check character (GB 32100-2015). */
  static boolean isValidUscc(String code) {
    if (code == null || code.length() != 18) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      int value = USCC_ALPHABET.indexOf(code.charAt(i));
      if (value < 0) {
        return false;
      }
      sum += value * USCC_WEIGHTS[i];
    }
    int check = (31 - sum % 31) % 31;
    return USCC_ALPHABET.charAt(check) == code.charAt(17);
  }

  /** 5301**********1234: the first four and last four characters, the rest starred. */
  static String mask(String value) {
    if (value == null || value.isBlank()) {
      return value;
    }
    if (value.length() <= 8) {
      return "*".repeat(value.length());
    }
    return value.substring(0, 4) + "*".repeat(value.length() - 8) + value.substring(value.length() - 4);
  }
}
