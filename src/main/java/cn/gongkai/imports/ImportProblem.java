package cn.gongkai.imports;

/** What is wrong in an import file: at a row (as the spreadsheet numbers it) and column, or with the file itself. */
record ImportProblem(int row, ImportColumn column, String message) {

  static ImportProblem ofFile(String message) {
    return new ImportProblem(0, null, message);
  }

  /** {@code 第5行“答复日期”：…}, or the file-level message alone. */
  String text() {
    if (row <= 0) {
      return message;
    }
    return "第" + row + "行" + (column == null ? "" : "“" + column.header() + "”") + "：" + message;
  }

  /** The field of the API's error body: the column's header, "file" for the file itself. */
  String field() {
    return column == null ? "file" : column.header();
  }
}
