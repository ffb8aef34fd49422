package cn.gongkai.letters;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The letter templates: built-in .docx files on the classpath ({@code letters/<kind>.docx}), each
 * overridden by a file of the same name in {@code gongkai.letters.template-dir}, and for one agency of the platform
 * by a file of the same name in that folder's sub-folder named after the agency's code ({@code <dir>/zwfw/...}). An override is checked
 * when it is loaded and again whenever the file changes; a faulty one is refused with a Chinese message
 * naming file, place and fault, and the built-in template keeps being used.
 */
@Service
public class LetterTemplates {

  private static final Logger log = LoggerFactory.getLogger(LetterTemplates.class);
  private static final Pattern TAG_NAME = Pattern.compile("[\\w\\u4e00-\\u9fa5]+");
  private static final String ALL_TAGS = Arrays.stream(LetterField.values())
      .map(LetterField::tag)
      .collect(Collectors.joining("、"));

  private final Path templateDir;
  private final Map<LetterKind, byte[]> builtIn = new EnumMap<>(LetterKind.class);
  /** Overrides by "kind" (the office's folder) or "agency/kind" (an agency's sub-folder). */
  private final Map<String, OfficeTemplate> overrides = new ConcurrentHashMap<>();
  private static final Pattern AGENCY_CODE = Pattern.compile("[a-z0-9][a-z0-9_-]{0,31}");

  LetterTemplates(LettersProperties properties) {
    this.templateDir = properties.templateDir();
    // Built-in templates are checked by the build (LetterTemplatesTest), not at every start.
    for (LetterKind kind : LetterKind.values()) {
      builtIn.put(kind, readBuiltIn(kind));
    }
    checkFolder();
  }

  /** Load-time check of the folder: validates every override and names files that match no kind. */
  private void checkFolder() {
    if (templateDir == null) {
      return;
    }
    if (!Files.isDirectory(templateDir)) {
      log.warn("文书模板目录不存在：{}，使用内置模板", templateDir.toAbsolutePath());
      return;
    }
    Set<String> known = Arrays.stream(LetterKind.values()).map(LetterKind::templateFile).collect(Collectors.toSet());
    try (Stream<Path> files = Files.list(templateDir)) {
      files.map(p -> p.getFileName().toString())
          .filter(name -> name.endsWith(".docx") && !name.startsWith("~$") && !known.contains(name))
          .forEach(name -> log.warn("文书模板目录中的文件 {} 不对应任何文书种类，已忽略", name));
    } catch (IOException e) {
      log.warn("无法读取文书模板目录 {}：{}", templateDir, e.getMessage());
    }
    for (LetterKind kind : LetterKind.values()) {
      currentOverride(kind);
    }
  }

  /** Every problem of a template for that kind; empty when it can be used. Nothing is stored. */
  public List<TemplateProblem> validate(LetterKind kind, String fileName, byte[] content) {
    List<TemplateProblem> problems = new ArrayList<>();
    XWPFDocument document;
    try {
      document = new XWPFDocument(new ByteArrayInputStream(content));
    } catch (IOException | RuntimeException e) {
      problems.add(new TemplateProblem(fileName, kind, null, "不是有效的 Word 文档（.docx），无法打开"));
      return problems;
    }
    try (document) {
      Set<LetterField> used = scanTags(kind, fileName, paragraphs(document), problems);
      for (LetterField required : kind.requiredTags()) {
        if (!used.contains(required)) {
          problems.add(new TemplateProblem(fileName, kind, null,
              "缺少必需字段“{{" + required.tag() + "}}”（" + required.description() + "）"));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (problems.isEmpty()) {
      try {
        LetterRenderer.render(content, LetterModel.sample());
      } catch (RuntimeException e) {
        problems.add(new TemplateProblem(fileName, kind, null, "模板无法解析：" + e.getMessage()));
      }
    }
    return problems;
  }

  /** For each kind: its file, whether an office's file is in use, and why an office's file was refused. */
  public List<TemplateStatus> status() {
    return Arrays.stream(LetterKind.values())
        .map(kind -> {
          OfficeTemplate override = currentOverride(kind);
          return new TemplateStatus(kind, kind.title(), kind.templateFile(),
              override != null && override.usable(), override == null ? List.of() : override.problems());
        })
        .toList();
  }

  /** Every problem of the office's templates currently refused. */
  public List<TemplateProblem> problems() {
    return status().stream().flatMap(s -> s.problems().stream()).toList();
  }

  /** The built-in template of the kind. */
  byte[] builtIn(LetterKind kind) {
    return builtIn.get(kind);
  }

  /** The template to render: the office's file when present and valid, otherwise the built-in one. */
  byte[] template(LetterKind kind) {
    OfficeTemplate override = currentOverride(kind);
    return override != null && override.usable() ? override.content() : builtIn.get(kind);
  }

  /**
   * The template to render for one agency's letter: the agency's own file ({@code <dir>/<agency code>/}) when present
   * and valid, otherwise the office's or the built-in one.
   */
  byte[] template(LetterKind kind, String agencyCode) {
    if (templateDir != null && agencyCode != null && AGENCY_CODE.matcher(agencyCode).matches()) {
      OfficeTemplate own = currentOverride(kind, templateDir.resolve(agencyCode), agencyCode + "/" + kind.name());
      if (own != null && own.usable()) {
        return own.content();
      }
    }
    return template(kind);
  }

  /** The office's file for the kind, re-read and re-checked when its size or time stamp changed. */
  private OfficeTemplate currentOverride(LetterKind kind) {
    if (templateDir == null) {
      return null;
    }
    return currentOverride(kind, templateDir, kind.name());
  }

  private OfficeTemplate currentOverride(LetterKind kind, Path folder, String key) {
    Path file = folder.resolve(kind.templateFile());
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(file, BasicFileAttributes.class);
    } catch (IOException missing) {
      overrides.remove(key);
      return null;
    }
    long modified = attributes.lastModifiedTime().toMillis();
    long size = attributes.size();
    OfficeTemplate cached = overrides.get(key);
    if (cached != null && cached.modified() == modified && cached.size() == size) {
      return cached;
    }
    return overrides.compute(key, (k, previous) -> {
      if (previous != null && previous.modified() == modified && previous.size() == size) {
        return previous;
      }
      byte[] content;
      List<TemplateProblem> problems;
      try {
        content = Files.readAllBytes(file);
        problems = validate(kind, kind.templateFile(), content);
      } catch (IOException e) {
        content = null;
        problems = List.of(new TemplateProblem(kind.templateFile(), kind, null, "无法读取文件：" + e.getMessage()));
      }
      if (problems.isEmpty()) {
        log.info("文书模板 {}（{}）使用 {}", kind.templateFile(), kind.title(), file.toAbsolutePath());
      } else {
        for (TemplateProblem problem : problems) {
          log.warn("{}；该模板未被采用，继续使用内置模板", problem.describe());
        }
      }
      return new OfficeTemplate(modified, size, problems.isEmpty() ? content : null, List.copyOf(problems));
    });
  }

  /** Checks the {{tags}} of every paragraph: closed, known, sections paired. Returns the fields used. */
  private static Set<LetterField> scanTags(
      LetterKind kind, String file, List<Located> paragraphs, List<TemplateProblem> problems) {
    Set<LetterField> used = new LinkedHashSet<>();
    Deque<String[]> sections = new ArrayDeque<>();
    for (Located located : paragraphs) {
      String text = located.text();
      String where = located.where();
      if (text.contains("应当先申请行政复议") || (text.contains("行政复议法") && text.contains("第二十三条"))) {
        problems.add(new TemplateProblem(file, kind, where,
            "模板中不得自行书写复议前置告知，该内容由“{{救济途径}}”按决定类型自动生成"));
      }
      int i = 0;
      while (i < text.length()) {
        int open = text.indexOf("{{", i);
        int close = text.indexOf("}}", i);
        if (close >= 0 && (open < 0 || close < open)) {
          problems.add(new TemplateProblem(file, kind, where, "多余的“}}”，前面没有对应的“{{”"));
          i = close + 2;
          continue;
        }
        if (open < 0) {
          break;
        }
        int end = text.indexOf("}}", open + 2);
        int nextOpen = text.indexOf("{{", open + 2);
        if (end < 0 || (nextOpen >= 0 && nextOpen < end)) {
          String excerpt = text.substring(open, Math.min(text.length(), nextOpen >= 0 ? nextOpen : open + 12));
          problems.add(new TemplateProblem(file, kind, where, "标签“" + excerpt + "”缺少结束符“}}”"));
          i = open + 2;
          continue;
        }
        String tag = text.substring(open, end + 2);
        String inside = text.substring(open + 2, end);
        i = end + 2;
        char sign = inside.isEmpty() ? ' ' : inside.charAt(0);
        String name = sign == '?' || sign == '/' ? inside.substring(1) : inside;
        if (sign == '/' && name.isEmpty()) {
          name = sections.isEmpty() ? "" : sections.peek()[0];
        }
        if (!TAG_NAME.matcher(name).matches()) {
          String fault = !inside.isEmpty() && "@#*+=>%^&!~".indexOf(inside.charAt(0)) >= 0
              ? "不支持的标签类型，只能使用 {{字段}}、{{?字段}}……{{/字段}}"
              : "格式不正确，标签内只能写字段名，不能有空格或标点";
          problems.add(new TemplateProblem(file, kind, where, "标签“" + tag + "”" + fault));
          continue;
        }
        LetterField field = LetterField.byTag(name);
        if (field == null) {
          problems.add(new TemplateProblem(file, kind, where, "字段“" + tag + "”不存在。可用字段：" + ALL_TAGS));
          continue;
        }
        if (sign == '?') {
          sections.push(new String[] {name, where});
        } else if (sign == '/') {
          if (sections.isEmpty()) {
            problems.add(new TemplateProblem(file, kind, where, "“" + tag + "”前面没有对应的“{{?" + name + "}}”"));
          } else if (!sections.peek()[0].equals(name)) {
            problems.add(new TemplateProblem(file, kind, where,
                "“" + tag + "”与前面的“{{?" + sections.peek()[0] + "}}”不配对"));
            sections.pop();
          } else {
            sections.pop();
          }
        } else {
          used.add(field);
        }
      }
    }
    for (String[] open : sections) {
      problems.add(new TemplateProblem(file, kind, open[1], "“{{?" + open[0] + "}}”没有对应的结束标签“{{/" + open[0] + "}}”"));
    }
    return used;
  }

  /** The text of every paragraph, in document order, with where it is (第N段, 页眉, 页脚). */
  private static List<Located> paragraphs(XWPFDocument document) {
    List<Located> located = new ArrayList<>();
    collect(document.getBodyElements(), "", located);
    document.getHeaderList().forEach(h -> collect(h.getBodyElements(), "页眉", located));
    document.getFooterList().forEach(f -> collect(f.getBodyElements(), "页脚", located));
    return located;
  }

  private static void collect(List<IBodyElement> elements, String prefix, List<Located> into) {
    for (IBodyElement element : elements) {
      if (element instanceof XWPFParagraph paragraph) {
        long count = into.stream().filter(l -> l.where().startsWith(prefix + "第")).count();
        into.add(new Located(prefix + "第" + (count + 1) + "段", paragraph.getText()));
      } else if (element instanceof XWPFTable table) {
        for (XWPFTableRow row : table.getRows()) {
          for (XWPFTableCell cell : row.getTableCells()) {
            collect(cell.getBodyElements(), prefix, into);
          }
        }
      }
    }
  }

  private static byte[] readBuiltIn(LetterKind kind) {
    String resource = "letters/" + kind.templateFile();
    try (InputStream in = LetterTemplates.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("内置模板缺失：classpath:" + resource);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private record Located(String where, String text) {}

  private record OfficeTemplate(long modified, long size, byte[] content, List<TemplateProblem> problems) {
    boolean usable() {
      return content != null;
    }
  }

  /** Which template a kind uses and why an office's file was refused. */
  public record TemplateStatus(
      LetterKind kind, String title, String file, boolean overridden, List<TemplateProblem> problems) {}
}
