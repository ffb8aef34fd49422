package cn.gongkai.letters;

import cn.gongkai.web.BadRequestException;

/** The case is closed and archived: its letters are part of the record and take no new version (HTTP 409). */
public class CaseClosedException extends BadRequestException {

  CaseClosedException(String caseNumber) {
    super("case", "案件 " + caseNumber + " 已归档，文书不可更改");
  }
}
