package cn.gongkai.material.internal;

import cn.gongkai.material.Box;
import cn.gongkai.material.Suggestion;
import cn.gongkai.material.SuggestionKind;
import cn.gongkai.workflow.EngineTime;
import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Finds Chinese personal data in a PDF's text to propose as marks (个人隐私, 条例第十五条): resident ID numbers with
 * a valid GB 11643-1999 check digit and birth date, mobile and fixed-line numbers, bank card numbers passing the Luhn
 * check, e-mail addresses, and person names recognised by HanLP (offline, portable dictionaries). What it finds is
 * never logged.
 */
@Component
public class PersonalDataDetector {

  private static final Logger log = LoggerFactory.getLogger(PersonalDataDetector.class);

  static final Pattern ID_NUMBER = Pattern.compile(
      "(?<![0-9A-Za-z])[1-9]\\d{5}(?:18|19|20)\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])\\d{3}[0-9Xx]"
          + "(?![0-9A-Za-z])");
  static final Pattern EMAIL = Pattern.compile(
      "(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}(?![A-Za-z0-9-])");
  static final Pattern MOBILE = Pattern.compile("(?<![0-9+])(?:\\+?86[- ]?)?1[3-9]\\d(?:[- ]?\\d{4}){2}(?![0-9])");
  static final Pattern FIXED_LINE = Pattern.compile(
      "(?<![0-9])(?:[(（]0\\d{2,3}[)）] ?|0\\d{2,3}[-－—] ?)[2-9]\\d{6,7}(?:(?:-|转)\\d{1,6})?(?![0-9])");
  static final Pattern BANK_CARD = Pattern.compile(
      "(?<![0-9])(?:\\d{16,19}|\\d{4}(?:[ -]\\d{4}){3}(?:[ -]?\\d{1,3})?)(?![0-9])");

  /** A document number (文号, GB/T 9704): its issuer's abbreviation is not a name (楚政办发〔2026〕12号). */
  static final Pattern DOCUMENT_NUMBER = Pattern.compile("\\p{IsHan}{2,12}[〔\\[［]\\d{4}[〕\\]］]");

  private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final char[] ID_CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

  private volatile boolean namesAvailable = true;

  /** The suggestions for a PDF, in page order, then top to bottom. */
  public List<Suggestion> suggestions(byte[] pdf) {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      List<Suggestion> all = new ArrayList<>();
      for (PageText page : PageText.of(document)) {
        all.addAll(suggestions(page));
      }
      return all;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private record Found(int start, int end, SuggestionKind kind) {}

  List<Suggestion> suggestions(PageText page) {
    String text = page.text();
    List<Found> found = new ArrayList<>();
    collect(found, ID_NUMBER, text, SuggestionKind.ID_NUMBER, PersonalDataDetector::validIdNumber);
    collect(found, EMAIL, text, SuggestionKind.EMAIL, s -> true);
    collect(found, MOBILE, text, SuggestionKind.PHONE, s -> true);
    collect(found, FIXED_LINE, text, SuggestionKind.PHONE, s -> true);
    collect(found, BANK_CARD, text, SuggestionKind.BANK_CARD, PersonalDataDetector::validBankCard);
    names(found, text);
    found.sort(Comparator.comparingInt(Found::start));
    List<Suggestion> out = new ArrayList<>();
    for (Found f : found) {
      String matched = text.substring(f.start(), f.end());
      for (Box b : page.boxes(f.start(), f.end())) {
        out.add(new Suggestion(page.page(), matched, f.kind(), new float[] {b.x(), b.y(), b.w(), b.h()}));
      }
    }
    return out;
  }

  private static void collect(List<Found> found, Pattern pattern, String text, SuggestionKind kind,
      java.util.function.Predicate<String> valid) {
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      int start = m.start();
      int end = m.end();
      boolean overlaps = found.stream().anyMatch(f -> f.start() < end && start < f.end());
      if (!overlaps && valid.test(m.group())) {
        found.add(new Found(start, end, kind));
      }
    }
  }

  /** Person names (HanLP's role-tagging recogniser, nature nr): two to four Han characters. */
  private void names(List<Found> found, String text) {
    if (!namesAvailable) {
      return;
    }
    List<int[]> documentNumbers = new ArrayList<>();
    Matcher numbers = DOCUMENT_NUMBER.matcher(text);
    while (numbers.find()) {
      documentNumbers.add(new int[] {numbers.start(), numbers.end()});
    }
    try {
      Segment segment = HanLP.newSegment().enableNameRecognize(true).enableOffset(true);
      for (Term term : segment.seg(text)) {
        String word = term.word;
        if (term.nature != null && "nr".equals(term.nature.toString()) && word.length() >= 2 && word.length() <= 4
            && word.codePoints().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
          int start = term.offset;
          int end = start + word.length();
          if (end <= text.length() && text.substring(start, end).equals(word)
              && found.stream().noneMatch(f -> f.start() < end && start < f.end())
              && documentNumbers.stream().noneMatch(n -> n[0] < end && start < n[1])) {
            found.add(new Found(start, end, SuggestionKind.NAME));
          }
        }
      }
    } catch (RuntimeException | LinkageError e) {
      namesAvailable = false;
      log.warn("person-name recognition is not available (HanLP): {}", e.getClass().getName());
    }
  }

  /** GB 11643-1999: 17 digits weighted mod 11 give the check character; the birth date must exist. */
  static boolean validIdNumber(String id) {
    if (id.length() != 18) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (id.charAt(i) - '0') * ID_WEIGHTS[i];
    }
    if (Character.toUpperCase(id.charAt(17)) != ID_CHECK[sum % 11]) {
      return false;
    }
    try {
      LocalDate birth = LocalDate.of(Integer.parseInt(id.substring(6, 10)), Integer.parseInt(id.substring(10, 12)),
          Integer.parseInt(id.substring(12, 14)));
      return !birth.isBefore(LocalDate.of(1880, 1, 1)) && !birth.isAfter(EngineTime.today());
    } catch (DateTimeException | NumberFormatException e) {
      return false;
    }
  }

  /** 16 to 19 digits, issuer prefix 3-6 (UnionPay 62, Visa, Mastercard, JCB/AmEx), Luhn check. */
  static boolean validBankCard(String number) {
    String digits = number.replaceAll("[ -]", "");
    if (digits.length() < 16 || digits.length() > 19 || digits.charAt(0) < '3' || digits.charAt(0) > '6') {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < digits.length(); i++) {
      int d = digits.charAt(digits.length() - 1 - i) - '0';
      if (i % 2 == 1) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
    }
    return sum % 10 == 0;
  }
}
