package io.apistage.goal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The body of {@code check.json}: how each goal the check ran ended, then the fields of their
 * reports (a field two goals share is taken from the first).
 *
 * @param goals one line per goal, in the order they ran
 * @param reports the reports of the goals that ran, in the same order
 * @since 0.1.0
 */
public record CheckReport(List<GoalRun> goals, List<ReportBody> reports) implements ReportBody {

  public CheckReport {
    goals = List.copyOf(goals);
    reports = List.copyOf(reports);
  }

  /**
   * How one goal ended.
   *
   * @param goal the goal's name
   * @param status {@code success} or {@code error}
   * @param code its report's code, or {@code NOT_RUN} when it could not run
   * @param message its one line
   * @param problems how many problems it found
   */
  public record GoalRun(String goal, String status, String code, String message, int problems) {

    Map<String, Object> toJson() {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("goal", goal);
      out.put("status", status);
      out.put("code", code);
      out.put("message", message);
      out.put("problems", problems);
      return out;
    }
  }

  /** The first report of a type among the goals that ran. */
  public <T extends ReportBody> Optional<T> report(Class<T> type) {
    return reports.stream().filter(type::isInstance).map(type::cast).findFirst();
  }

  @Override
  public Map<String, Object> toJson() {
    Map<String, Object> out = new LinkedHashMap<>();
    List<Map<String, Object>> list = new ArrayList<>();
    goals.forEach(g -> list.add(g.toJson()));
    out.put("goals", list);
    for (ReportBody report : reports) {
      report.toJson().forEach(out::putIfAbsent);
    }
    return out;
  }
}
