package cn.gongkai.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gongkai.web.BadRequestException;
import java.util.Base64;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The portal's own rules, without a server: codes, ID proof checks, states. */
class PortalRulesTest {

  private final QueryCodes codes = new QueryCodes();

  @Test
  void queryCodesAreLongRandomAndKeptOnlyAsASaltedHash() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      String code = codes.newCode();
      assertThat(code).hasSize(16).matches("[A-HJKMNP-Z2-9]+");
      assertThat(seen.add(code)).isTrue();
    }
    String salt = codes.newSalt();
    String code = codes.newCode();
    String hash = QueryCodes.hash(salt, code);
    assertThat(hash).hasSize(64).doesNotContain(code);
    assertThat(QueryCodes.matches(salt, hash, code)).isTrue();
    // typed in lower case or with spaces, it still matches; another salt does not
    assertThat(QueryCodes.matches(salt, hash, code.toLowerCase().substring(0, 8) + " " + code.substring(8))).isTrue();
    assertThat(QueryCodes.matches(codes.newSalt(), hash, code)).isFalse();
  }

  @Test
  void acceptsPicturesAndPdfsByContentOnly() {
    byte[] png = Base64.getDecoder().decode(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
    assertThat(IdProof.read(Map.of("fileName", "a.pdf", "content", Base64.getEncoder().encodeToString(png)), 1024)
        .contentType()).isEqualTo("image/png");
    byte[] pdf = "%PDF-1.4\n%%EOF".getBytes();
    assertThat(IdProof.read(Map.of("fileName", "x.png", "content", Base64.getEncoder().encodeToString(pdf)), 1024)
        .contentType()).isEqualTo("application/pdf");
    // a PNG signature on something that is no picture
    byte[] fake = new byte[64];
    System.arraycopy(png, 0, fake, 0, 8);
    assertThatThrownBy(() -> IdProof.read(Map.of("content", Base64.getEncoder().encodeToString(fake)), 1024))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("JPG、PNG 图片或 PDF");
    assertThatThrownBy(() -> IdProof.read(Map.of("content", Base64.getEncoder().encodeToString(new byte[2048])), 1024))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("不能超过");
    assertThatThrownBy(() -> IdProof.read("just text", 1024)).isInstanceOf(BadRequestException.class);
    assertThat(IdProof.read(null, 1024)).isNull();
  }
}
