package cn.gongkai.imports;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits CSV text into records (RFC 4180: comma separated, fields in double quotes may hold commas, line
 * breaks and doubled quotes), as Excel and WPS write it. Small enough not to need a library.
 */
final class CsvRecords {

  private CsvRecords() {}

  /** The records of the text; an unterminated quoted field runs to the end of the text. */
  static List<List<String>> parse(String text) {
    List<List<String>> records = new ArrayList<>();
    List<String> record = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean any = false;
    int i = 0;
    while (i < text.length()) {
      char ch = text.charAt(i);
      if (quoted) {
        if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (ch == '"') {
          quoted = false;
        } else {
          field.append(ch);
        }
      } else if (ch == '"') {
        quoted = true;
        any = true;
      } else if (ch == ',') {
        record.add(field.toString());
        field.setLength(0);
        any = true;
      } else if (ch == '\r' || ch == '\n') {
        if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        record.add(field.toString());
        records.add(record);
        record = new ArrayList<>();
        field.setLength(0);
        any = false;
      } else {
        field.append(ch);
        any = true;
      }
      i++;
    }
    if (any || field.length() > 0) {
      record.add(field.toString());
      records.add(record);
    }
    return records;
  }
}
