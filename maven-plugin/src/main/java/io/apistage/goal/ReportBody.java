package io.apistage.goal;

import java.util.Map;

/**
 * The goal-specific part of a goal's report: one record per goal (for example {@code
 * ValidateReport}, {@code PromoteReport}), whose fields the JSON report lists after the envelope's
 * {@code status}, {@code code}, {@code message} and {@code details}.
 *
 * <p>A new goal adds its report as one more record implementing this interface. The record lives
 * beside its goal, unless a renderer of {@code io.apistage.report} reads its fields (the Markdown
 * report of the checking goals does): then it lives in this package, since the report package
 * depends on no goal package. See docs/ci.md for the report files.
 *
 * @since 0.1.0
 */
public interface ReportBody {

  /**
   * The body as plain JSON values (maps, lists, strings, numbers, booleans and nulls), its keys in
   * the order the JSON report shows them.
   */
  Map<String, Object> toJson();
}
