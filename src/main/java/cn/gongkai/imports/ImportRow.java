package cn.gongkai.imports;

import java.util.Map;

/**
 * One data row of an import file as read: its number as the spreadsheet shows it (the header is row 1)
 * and the text of each cell, stripped; an empty cell is absent.
 */
record ImportRow(int number, Map<ImportColumn, String> cells) {

  String get(ImportColumn column) {
    return cells.get(column);
  }
}
