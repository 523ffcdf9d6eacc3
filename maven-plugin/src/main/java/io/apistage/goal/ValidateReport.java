package io.apistage.goal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The body of {@code validate.json}: how many files were read and how many assets they declare.
 *
 * @param filesChecked the YAML files read
 * @param assets the assets loaded from them
 * @since 0.1.0
 */
public record ValidateReport(int filesChecked, int assets) implements ReportBody {

  @Override
  public Map<String, Object> toJson() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("filesChecked", filesChecked);
    out.put("assets", assets);
    return out;
  }
}
