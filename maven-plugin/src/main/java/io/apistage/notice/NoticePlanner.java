package io.apistage.notice;

import io.apistage.model.TreeDiff;
import io.apistage.problem.Bump;
import io.apistage.versions.ApiComparator;
import io.apistage.versions.Finding;
import io.apistage.versions.SemVer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Works out the notices of one stage change: which Api majors were created, updated or removed
 * between the stage's state before and after, which applications use each (directly or through a
 * subscription's package, before or after the change), and one notice per application with a
 * webhook, listing every changed major it uses.
 *
 * @since 0.2.0
 */
public final class NoticePlanner {

  private static final String API = "api/";
  private static final String APPLICATION = "application/";

  /**
   * What changed on a stage: its name, the history record of the change, the promotion applied or
   * rolled back, and when.
   *
   * @param stage the stage's name
   * @param record the id of the history record the notices travel with
   * @param promotion the promotion's name
   * @param occurredAt ISO-8601 UTC time of the change
   */
  public record StageChange(String stage, String record, String promotion, String occurredAt) {}

  private NoticePlanner() {}

  /**
   * The notices of a change from {@code before} to {@code after}: assets by key in the plain form
   * the stage runs them (aliases resolved), as in a stage's state.
   */
  public static List<Notice> plan(
      StageChange change, Map<String, Object> before, Map<String, Object> after) {
    Map<String, NoticeChange> changed = changedApis(before, after);
    if (changed.isEmpty()) {
      return List.of();
    }
    Map<String, Set<String>> uses = new TreeMap<>();
    usesIn(before, uses);
    usesIn(after, uses);
    List<Notice> out = new ArrayList<>();
    for (Map.Entry<String, Set<String>> e : uses.entrySet()) {
      String app = e.getKey();
      List<NoticeChange> changes = new ArrayList<>();
      for (String api : e.getValue()) {
        if (changed.containsKey(api)) {
          changes.add(changed.get(api));
        }
      }
      Optional<Map<?, ?>> webhook = webhook(after.get(APPLICATION + app));
      if (webhook.isEmpty()) {
        webhook = webhook(before.get(APPLICATION + app));
      }
      if (changes.isEmpty() || webhook.isEmpty()) {
        continue;
      }
      out.add(
          new Notice(
              id(change, app),
              app,
              String.valueOf(webhook.get().get("url")),
              String.valueOf(webhook.get().get("secret")),
              change,
              changes));
    }
    return out;
  }

  /**
   * Adds the notices of a change to the content of its history record (field {@code notices}), so
   * that they are committed with the change: the stage's outbox. Nothing is added when no
   * application with a webhook uses a changed Api major.
   */
  public static void attach(
      Map<String, Object> recordContent,
      StageChange change,
      Map<String, Object> before,
      Map<String, Object> after) {
    List<Notice> notices = plan(change, before, after);
    if (!notices.isEmpty()) {
      recordContent.put(NoticeLedger.NOTICES, notices.stream().map(Notice::toPlain).toList());
    }
  }

  /** The stable id of an application's notice of a change: the same however often it is sent. */
  static String id(StageChange change, String application) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] hash =
          sha.digest(
              (change.stage() + "\n" + change.record() + "\n" + application)
                  .getBytes(StandardCharsets.UTF_8));
      return "ntc_" + HexFormat.of().formatHex(hash, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  /** Every Api major created, updated or removed, by its {@code name@major}. */
  private static Map<String, NoticeChange> changedApis(
      Map<String, Object> before, Map<String, Object> after) {
    Set<String> keys = new TreeSet<>();
    before.keySet().stream().filter(k -> k.startsWith(API)).forEach(keys::add);
    after.keySet().stream().filter(k -> k.startsWith(API)).forEach(keys::add);
    Map<String, NoticeChange> out = new LinkedHashMap<>();
    for (String key : keys) {
      Object from = before.get(key);
      Object to = after.get(key);
      if (from != null && to != null && TreeDiff.same(from, to)) {
        continue;
      }
      out.put(key.substring(API.length()), change(key.substring(API.length()), from, to));
    }
    return out;
  }

  private static NoticeChange change(String api, Object from, Object to) {
    if (from == null || to == null) {
      Object only = from == null ? to : from;
      int fields = only instanceof Map<?, ?> m ? m.size() : 1;
      return new NoticeChange(
          api,
          from == null ? null : version(from),
          to == null ? null : version(to),
          (from == null ? Bump.MINOR : Bump.MAJOR).label(),
          new NoticeChange.Summary(0, from == null ? fields : 0, from == null ? 0 : fields),
          List.of());
    }
    ApiComparator.Comparison comparison = ApiComparator.compare(from, to);
    Bump bump = comparison.requiredBump();
    Optional<SemVer> a = SemVer.parse(version(from));
    Optional<SemVer> b = SemVer.parse(version(to));
    if (a.isPresent() && b.isPresent() && b.get().compareTo(a.get()) > 0) {
      bump = bump.max(a.get().bumpTo(b.get()));
    }
    List<Map<String, Object>> findings = new ArrayList<>();
    for (Finding f : comparison.findings()) {
      Map<String, Object> plain = new LinkedHashMap<>();
      plain.put("rule", f.rule().id());
      plain.put("bump", f.bump().label());
      plain.put("field", f.field());
      plain.put("message", f.message());
      findings.add(plain);
    }
    return new NoticeChange(
        api,
        version(from),
        version(to),
        bump.label(),
        new NoticeChange.Summary(
            comparison.summary().modified().size(),
            comparison.summary().added().size(),
            comparison.summary().removed().size()),
        findings);
  }

  private static String version(Object api) {
    return api instanceof Map<?, ?> m && m.get("version") != null
        ? String.valueOf(m.get("version"))
        : null;
  }

  /** Adds, per application, the Api majors it uses in one state: its own and its packages'. */
  private static void usesIn(Map<String, Object> assets, Map<String, Set<String>> uses) {
    for (Map.Entry<String, Object> e : assets.entrySet()) {
      if (e.getKey().startsWith(APPLICATION) && e.getValue() instanceof Map<?, ?> app) {
        Set<String> set =
            uses.computeIfAbsent(e.getKey().substring(APPLICATION.length()), k -> new TreeSet<>());
        strings(app.get("apis")).forEach(set::add);
      }
    }
    for (Map.Entry<String, Object> e : assets.entrySet()) {
      if (e.getKey().startsWith("subscription/") && e.getValue() instanceof Map<?, ?> sub) {
        Object pkg = assets.get("package/" + sub.get("package"));
        Object app = sub.get("application");
        if (pkg instanceof Map<?, ?> p && app instanceof String name) {
          Set<String> set = uses.computeIfAbsent(name, k -> new TreeSet<>());
          strings(p.get("apis")).forEach(set::add);
        }
      }
    }
  }

  private static List<String> strings(Object list) {
    List<String> out = new ArrayList<>();
    if (list instanceof List<?> l) {
      l.forEach(v -> out.add(String.valueOf(v)));
    }
    return out;
  }

  private static Optional<Map<?, ?>> webhook(Object application) {
    if (application instanceof Map<?, ?> app
        && app.get("contact") instanceof Map<?, ?> contact
        && contact.get("webhook") instanceof Map<?, ?> webhook
        && webhook.get("url") != null) {
      return Optional.of(webhook);
    }
    return Optional.empty();
  }
}
