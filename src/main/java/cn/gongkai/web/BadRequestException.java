package cn.gongkai.web;

import java.util.List;

/**
 * Input refused: HTTP 400 with each offending field and a Chinese message. An {@link IllegalArgumentException},
 * so that domain code (e.g. the calendar's range guard) can refuse an argument in the caller's terms.
 */
public class BadRequestException extends IllegalArgumentException {

  private final List<FieldProblem> problems;

  public BadRequestException(List<FieldProblem> problems) {
    super(problems.isEmpty() ? "请求无效" : problems.get(0).field() + ": " + problems.get(0).message());
    this.problems = List.copyOf(problems);
  }

  public BadRequestException(String field, String message) {
    this(List.of(new FieldProblem(field, message)));
  }

  public List<FieldProblem> problems() {
    return problems;
  }

  /** One refused field: its JSON name and what is wrong with it, in Chinese. */
  public record FieldProblem(String field, String message) {}
}
