package cn.gongkai.web;

import java.util.List;

/** Input refused: HTTP 400 with each offending field and a Chinese message. */
public class BadRequestException extends RuntimeException {

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
