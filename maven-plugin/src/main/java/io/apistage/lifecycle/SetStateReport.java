package io.apistage.lifecycle;

import java.util.Map;

/**
 * What {@code set-state} is about, as far as the goal got: the line and the state asked for; once
 * the file is read, the state it leaves; once edited, the version it has then.
 *
 * @param api the API line, {@code <api>@<major>}
 * @param file the line's file
 * @param state the state asked for
 * @param from the state the file had, or null when the file could not be read
 * @param edited whether the edit was made (then {@code version} is reported)
 * @param version the file's version after the edit (bumped when the step needs it), or null
 * @since 0.1.0
 */
record SetStateReport(
    String api, String file, String state, String from, boolean edited, String version)
    implements EditReport.Subject {

  /** The report before the file is read. */
  static SetStateReport asked(String api, String file, String state) {
    return new SetStateReport(api, file, state, null, false, null);
  }

  /** The report once the file is read: the state it had. */
  SetStateReport read(String current) {
    return new SetStateReport(api, file, state, current, false, null);
  }

  /** The report once the file is edited: the version it has then. */
  SetStateReport edited(String newVersion) {
    return new SetStateReport(api, file, state, from, true, newVersion);
  }

  @Override
  public void putInto(Map<String, Object> json) {
    json.put("api", api);
    json.put("file", file);
    json.put("state", state);
    if (from != null) {
      json.put("from", from);
    }
    if (edited) {
      json.put("version", version);
    }
  }
}
