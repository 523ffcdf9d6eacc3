package io.apistage.lifecycle;

import java.util.Map;

/**
 * What {@code new-version} is about: the new Api line and the line it starts from.
 *
 * @param api the API's name
 * @param from the file of the highest line, the source
 * @param file the new line's file
 * @param version the new line's version, {@code <N+1>.0.0}
 * @since 0.1.0
 */
record NewVersionReport(String api, String from, String file, String version)
    implements EditReport.Subject {

  @Override
  public void putInto(Map<String, Object> json) {
    json.put("api", api);
    json.put("from", from);
    json.put("file", file);
    json.put("version", version);
  }
}
