package cn.gongkai.material.internal;

import cn.gongkai.material.Suggestion;
import java.util.List;
import org.springframework.stereotype.Component;

/** Finds Chinese personal data in a PDF's text to propose as marks. */
@Component
public class PersonalDataDetector {

  /** The suggestions for a PDF, in page order. */
  public List<Suggestion> suggestions(byte[] pdf) {
    return List.of();
  }
}
