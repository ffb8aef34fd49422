package cn.gongkai.letters;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContentDispositionTest {

  @Test
  void chineseFileNameIsPercentEncodedAsRfc5987() {
    // given a document file name with Chinese brackets and characters
    // when it is encoded / then only attr-chars stay literal
    assertThat(DocumentsController.rfc5987("楚政办公开否〔2026〕第3号_不予公开答复书.docx"))
        .isEqualTo("%E6%A5%9A%E6%94%BF%E5%8A%9E%E5%85%AC%E5%BC%80%E5%90%A6%E3%80%942026%E3%80%95%E7%AC%AC3"
            + "%E5%8F%B7_%E4%B8%8D%E4%BA%88%E5%85%AC%E5%BC%80%E7%AD%94%E5%A4%8D%E4%B9%A6.docx");
    assertThat(DocumentsController.rfc5987("a b\"c;")).isEqualTo("a%20b%22c%3B");
  }
}
