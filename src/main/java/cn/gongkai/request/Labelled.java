package cn.gongkai.request;

import java.util.Arrays;
import java.util.Optional;

/** A code with the Chinese label users read. */
public interface Labelled {

  String name();

  String label();

  /** The constant named {@code code}, if any (codes are the contract, case-sensitive). */
  static <E extends Enum<E> & Labelled> Optional<E> parse(Class<E> type, String code) {
    if (code == null) {
      return Optional.empty();
    }
    return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(code)).findFirst();
  }
}
