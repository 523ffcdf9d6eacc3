package io.apistage.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Writes a synthetic, valid config root of any size for the benchmarks: Apis (6 to 12 endpoints
 * each, with parameters, responses with schemas, rate limits and pricing; about 3 KB a file),
 * Policies, an Alias per Api backend with per-stage values, Plans, Teams, Applications using Apis,
 * Packages, Subscriptions, the stages dev, qa and prod, and a few Promotions. Every reference
 * resolves: applications and packages name one published major per Api, a subscription's plan is
 * one of its package's plans, every team exists.
 *
 * <p>The output is a function of the Api count and the seed only, and each Api file a function of
 * its index and the seed, so {@link #mutate} can rewrite chosen Apis in place with a known kind of
 * change and the matching version bump (for the check-versions, diff and promote benchmarks).
 */
public final class SyntheticRepo {

  /** What {@link #write} wrote. */
  public record Stats(
      Path root, int files, long bytes, Map<String, Integer> filesByFolder, List<String> apiFiles) {
    public Stats {
      filesByFolder = Collections.unmodifiableMap(new TreeMap<>(filesByFolder));
      apiFiles = List.copyOf(apiFiles);
    }

    /** One line for a benchmark's output. */
    public String summary() {
      return String.format(
          Locale.ROOT, "%d files, %.1f MB of YAML: %s", files, bytes / 1e6, filesByFolder);
    }
  }

  /** A kind of change {@link #mutate} makes to an Api file, with the version bump it needs. */
  public enum Mutation {
    /** The Api's description changes; a patch bump. */
    DESCRIPTION,
    /** An optional query parameter {@code fields} is added to the first endpoint; a minor bump. */
    OPTIONAL_PARAMETER,
    /**
     * The path parameter of the endpoint that gets one item is renamed (path and parameter):
     * breaking, but given only a minor bump, so check-versions must refuse it.
     */
    BREAKING_UNBUMPED
  }

  static final String[][] DOMAINS = {
    {"orders", "order"},
    {"products", "product"},
    {"payments", "payment"},
    {"customers", "customer"},
    {"shipments", "shipment"},
    {"invoices", "invoice"},
    {"returns", "return"},
    {"reviews", "review"},
    {"coupons", "coupon"},
    {"carts", "cart"},
    {"accounts", "account"},
    {"refunds", "refund"},
    {"tickets", "ticket"},
    {"suppliers", "supplier"},
    {"stores", "store"},
    {"reports", "report"},
    {"notifications", "notification"},
    {"warehouses", "warehouse"},
    {"employees", "employee"},
    {"subscribers", "subscriber"},
    {"vouchers", "voucher"},
    {"parcels", "parcel"},
    {"listings", "listing"},
    {"bookings", "booking"}
  };

  static final String[] QUALIFIERS = {
    "core",
    "sync",
    "export",
    "import",
    "admin",
    "partner",
    "public",
    "internal",
    "events",
    "batch",
    "mobile",
    "web",
    "legacy",
    "edge",
    "ledger",
    "search"
  };

  static final String[] POLICIES = {
    "cors",
    "logging",
    "rate-limit-standard",
    "rate-limit-strict",
    "ip-filter-internal",
    "header-transform-tracing",
    "logging-audit",
    "cors-partners"
  };

  static final String[] PLANS = {"free", "basic", "pro", "enterprise"};

  private static final String[][] FIELDS = {
    {"status", "string"},
    {"createdAt", "string"},
    {"updatedAt", "string"},
    {"amount", "number"},
    {"currency", "string"},
    {"name", "string"},
    {"quantity", "integer"},
    {"customerId", "string"},
    {"notes", "string"},
    {"priority", "integer"},
    {"active", "boolean"},
    {"reference", "string"},
    {"country", "string"},
    {"email", "string"}
  };

  private static final String[] CATEGORIES = {
    "commerce", "finance", "logistics", "customer", "internal", "partner"
  };

  private SyntheticRepo() {}

  /** Writes a config root with {@code apis} Api files into {@code root} (created if absent). */
  public static Stats write(Path root, int apis, long seed) throws IOException {
    Writer out = new Writer(root);
    Plan plan = Plan.of(apis, seed);
    int teams = plan.teams();

    out.write(
        "apistage.yaml", "# Synthetic config root written by SyntheticRepo\nmainBranch: main\n");
    for (int t = 0; t < teams; t++) {
      out.write("teams/" + team(t) + ".yaml", teamYaml(t));
    }
    for (String policy : POLICIES) {
      out.write("policies/" + policy + ".yaml", policyYaml(policy));
    }
    for (int p = 0; p < PLANS.length; p++) {
      out.write("plans/" + PLANS[p] + ".yaml", planYaml(p));
    }
    out.write("stages/dev.yaml", stageYaml("dev", null));
    out.write("stages/qa.yaml", stageYaml("qa", "dev"));
    out.write("stages/prod.yaml", stageYaml("prod", "qa"));

    List<String> apiFiles = new ArrayList<>();
    for (ApiFile api : plan.files) {
      String path = api.path();
      out.write(path, apiYaml(api, seed, teams, null));
      apiFiles.add(path);
      if (api.major == 1) {
        out.write("aliases/" + api.name + "-backend.yaml", aliasYaml(api));
      }
    }

    List<String> published = plan.publishedKeys();
    Random rnd = new Random(seed ^ 0x5DEECE66DL);
    int applications = Math.max(3, apis / 5);
    for (int a = 0; a < applications; a++) {
      out.write(
          "applications/" + application(a) + ".yaml", applicationYaml(a, teams, published, rnd));
    }
    int packages = Math.max(2, apis / 10);
    List<List<String>> packagePlans = new ArrayList<>();
    for (int p = 0; p < packages; p++) {
      List<String> plans = pick(rnd, List.of(PLANS), 2 + rnd.nextInt(2));
      packagePlans.add(plans);
      out.write("packages/" + pkg(p) + ".yaml", packageYaml(p, teams, published, plans, rnd));
    }
    int subscriptions = Math.max(3, apis / 2);
    for (int s = 0; s < subscriptions; s++) {
      int a = rnd.nextInt(applications);
      int p = rnd.nextInt(packages);
      List<String> plans = packagePlans.get(p);
      String planName = plans.get(rnd.nextInt(plans.size()));
      out.write(
          "subscriptions/" + subscription(s) + ".yaml",
          "kind: Subscription\nname: "
              + subscription(s)
              + "\napplication: "
              + application(a)
              + "\npackage: "
              + pkg(p)
              + "\nplan: "
              + planName
              + "\n");
    }
    int promotions = Math.max(2, apis / 500);
    for (int p = 0; p < promotions; p++) {
      out.write("promotions/" + promotion(p, plan) + ".yaml", promotionYaml(p, plan));
    }
    return new Stats(root, out.files, out.bytes, out.byFolder, apiFiles);
  }

  /**
   * Rewrites {@code count} of the published Api files of a root written by {@link #write} with the
   * same {@code apis} and {@code seed}, spread evenly over the repository, each with the given
   * change and the version bump the change needs ({@link Mutation#BREAKING_UNBUMPED} gets only a
   * minor bump, so check-versions must refuse it). Returns the paths rewritten, relative to the
   * root. Mutations do not stack: a second call starts again from the original file.
   */
  public static List<String> mutate(Path root, int apis, long seed, int count, Mutation mutation)
      throws IOException {
    Plan plan = Plan.of(apis, seed);
    List<ApiFile> candidates = new ArrayList<>();
    for (ApiFile f : plan.files) {
      if (f.state.equals("published")) {
        candidates.add(f);
      }
    }
    if (count > candidates.size()) {
      throw new IllegalArgumentException(
          "only " + candidates.size() + " published Apis to mutate, asked for " + count);
    }
    List<String> changed = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ApiFile f = candidates.get((int) ((long) i * candidates.size() / count));
      Files.writeString(
          root.resolve(f.path()), apiYaml(f, seed, plan.teams(), mutation), StandardCharsets.UTF_8);
      changed.add(f.path());
    }
    return changed;
  }

  /** The name of the Api with a name index; names are unique and valid asset names. */
  public static String apiName(int index) {
    String[] domain = DOMAINS[index % DOMAINS.length];
    String qualifier = QUALIFIERS[(index / DOMAINS.length) % QUALIFIERS.length];
    return domain[0] + "-" + qualifier + "-" + index;
  }

  static String team(int t) {
    return "team-" + DOMAINS[t % DOMAINS.length][1] + "-" + t;
  }

  static String application(int a) {
    String[] kinds = {"web", "mobile", "partner", "backoffice", "batch", "kiosk"};
    return kinds[a % kinds.length] + "-app-" + a;
  }

  static String pkg(int p) {
    return "bundle-" + DOMAINS[p % DOMAINS.length][1] + "-" + p;
  }

  static String subscription(int s) {
    return "sub-" + s;
  }

  static String promotion(int p, Plan plan) {
    return plan.files.get(promotedFile(p, plan)).name + "-to-qa";
  }

  private static int promotedFile(int p, Plan plan) {
    int count = Math.max(2, plan.files.size() / 500);
    return (int) ((long) p * plan.files.size() / count);
  }

  /** Which Api files exist: a function of the count only, independent of any random draw. */
  private record Plan(List<ApiFile> files) {
    static Plan of(int apis, long seed) {
      List<ApiFile> files = new ArrayList<>();
      int index = 0;
      while (files.size() < apis) {
        String name = apiName(index);
        if (index % 10 == 7 && files.size() + 2 <= apis) {
          files.add(new ApiFile(index, name, 1, "deprecated"));
          files.add(new ApiFile(index, name, 2, "published"));
        } else if (index % 25 == 3 && files.size() + 2 <= apis) {
          files.add(new ApiFile(index, name, 1, "published"));
          files.add(new ApiFile(index, name, 2, "draft"));
        } else if (index % 20 == 11) {
          files.add(new ApiFile(index, name, 1, "draft"));
        } else {
          files.add(new ApiFile(index, name, 1, "published"));
        }
        index++;
      }
      return new Plan(files);
    }

    int teams() {
      return Math.max(3, files.size() / 100);
    }

    /** {@code name@major} of the published line of each Api name (the newest if several). */
    List<String> publishedKeys() {
      Map<String, String> newest = new TreeMap<>();
      for (ApiFile f : files) {
        if (f.state.equals("published")) {
          newest.put(f.name, f.name + "@" + f.major);
        }
      }
      return new ArrayList<>(newest.values());
    }
  }

  private record ApiFile(int index, String name, int major, String state) {
    String path() {
      return "apis/" + name + "/v" + major + ".yaml";
    }
  }

  private static Random apiRandom(ApiFile f, long seed) {
    return new Random(seed * 1_000_003L + f.index * 31L + f.major);
  }

  static String apiYaml(ApiFile f, long seed, int teams, Mutation mutation) {
    Random r = apiRandom(f, seed);
    String[] domain = DOMAINS[f.index % DOMAINS.length];
    String plural = domain[0];
    String singular = domain[1];
    String type = capitalize(singular);
    int minor = f.state.equals("draft") ? 0 : r.nextInt(9);
    int patch = f.state.equals("draft") ? 0 : r.nextInt(15);
    if (mutation == Mutation.DESCRIPTION) {
      patch++;
    } else if (mutation != null) {
      minor++;
      patch = 0;
    }
    StringBuilder y = new StringBuilder(3500);
    y.append("kind: Api\nname: ").append(f.name).append('\n');
    if (f.index % 3 == 0) {
      y.append("id: ")
          .append(UUID.nameUUIDFromBytes((f.name + "@" + f.major).getBytes(StandardCharsets.UTF_8)))
          .append('\n');
    }
    y.append("version: ")
        .append(f.major)
        .append('.')
        .append(minor)
        .append('.')
        .append(patch)
        .append('\n');
    y.append("state: ").append(f.state).append('\n');
    y.append("description: ")
        .append(mutation == Mutation.DESCRIPTION ? "Manages " : "Manage ")
        .append(plural)
        .append(" for the ")
        .append(QUALIFIERS[(f.index / DOMAINS.length) % QUALIFIERS.length])
        .append(" channel of the shop\n");
    y.append("category: ").append(CATEGORIES[r.nextInt(CATEGORIES.length)]).append('\n');
    y.append("team: ").append(team(r.nextInt(teams))).append('\n');
    y.append("tags: [")
        .append(plural)
        .append(", ")
        .append(CATEGORIES[f.index % CATEGORIES.length])
        .append("]\n");
    y.append("baseUrl: ${alias:").append(f.name).append("-backend}\n");
    if (r.nextInt(5) != 0) {
      String secret = f.name.toUpperCase(Locale.ROOT).replace('-', '_') + "_TOKEN";
      y.append("auth:\n  type: api-key\n  tokenLocation: header\n  tokenName: X-Api-Key\n");
      y.append("  staticToken: ${secret:").append(secret).append("}\n");
    }
    y.append("policies: [")
        .append(POLICIES[r.nextInt(2)])
        .append(", ")
        .append(POLICIES[2 + r.nextInt(POLICIES.length - 2)])
        .append("]\n");
    y.append("endpoints:\n");

    String base = "/" + plural;
    String id = singular + "Id";
    List<Integer> chosen = chooseEndpoints(r);
    String object = objectSchema(r);
    for (int e : chosen) {
      // endpoints 0 (list) and 1 (get one) are always there: mutations change them
      String pathParam = mutation == Mutation.BREAKING_UNBUMPED && e == 1 ? singular + "Ref" : id;
      endpoint(y, e, base, pathParam, singular, type, plural, object, r, e == 0 ? mutation : null);
    }
    if (r.nextInt(3) == 0) {
      y.append("pricing:\n  type: tiered\n  plans:\n");
      y.append(
          "    - { name: starter, price: 0, period: month, features: [\"1000 calls/day\"] }\n");
      y.append("    - { name: growth, price: ")
          .append(19 + r.nextInt(80))
          .append(", period: month, features: [\"100000 calls/day\", email support] }\n");
    }
    return y.toString();
  }

  private static List<Integer> chooseEndpoints(Random r) {
    List<Integer> out = new ArrayList<>();
    out.add(0);
    out.add(1);
    int wanted = 6 + r.nextInt(3);
    List<Integer> rest = new ArrayList<>();
    for (int i = 2; i < 12; i++) {
      rest.add(i);
    }
    Collections.shuffle(rest, r);
    out.addAll(rest.subList(0, wanted - 2));
    Collections.sort(out);
    return out;
  }

  private static void endpoint(
      StringBuilder y,
      int e,
      String base,
      String id,
      String singular,
      String type,
      String plural,
      String object,
      Random r,
      Mutation mutation) {
    String a = article(singular);
    String idParam = "      - { name: " + id + ", type: string, required: true, location: path }\n";
    String notFound = "      \"404\": { description: No such " + singular + " }\n";
    switch (e) {
      case 0 -> {
        head(y, "list" + capitalize(plural), "GET", base, "A page of " + plural + ", newest first");
        y.append("    parameters:\n");
        y.append("      - { name: page, type: integer, location: query }\n");
        y.append("      - { name: size, type: integer, location: query }\n");
        y.append(
            "      - { name: sort, type: string, location: query, enum: [createdAt, -createdAt] }\n");
        if (mutation == Mutation.OPTIONAL_PARAMETER) {
          y.append("      - { name: fields, type: string, location: query }\n");
        }
        y.append("    responses:\n");
        y.append("      \"200\":\n        description: The page\n        schema:\n");
        y.append("          type: object\n          properties:\n");
        y.append("            items: { type: array, items: ").append(object).append(" }\n");
        y.append("            total: { type: integer }\n");
        y.append("      \"400\": { description: A parameter is out of range }\n");
        rateLimit(y, r);
      }
      case 1 -> {
        head(y, "get" + type, "GET", base + "/{" + id + "}", "One " + singular);
        y.append("    parameters:\n").append(idParam);
        y.append(
            "      - { name: expand, type: string, location: query, enum: [items, history] }\n");
        y.append("    responses:\n");
        y.append("      \"200\": { description: The ")
            .append(singular)
            .append(", schema: ")
            .append(object)
            .append(" }\n");
        y.append(notFound);
        rateLimit(y, r);
      }
      case 2 -> {
        head(y, "create" + type, "POST", base, "Creates " + a);
        y.append("    parameters:\n");
        y.append("      - { name: body, type: object, required: true, location: body }\n");
        y.append("      - { name: Idempotency-Key, type: string, location: header }\n");
        y.append("    responses:\n");
        y.append(
            "      \"201\": { description: Created, schema: { type: object, required: [id], properties: { id: { type: string } } } }\n");
        y.append("      \"400\": { description: The ").append(singular).append(" is not valid }\n");
        y.append("      \"409\": { description: Already exists }\n");
      }
      case 3 -> {
        head(y, "replace" + type, "PUT", base + "/{" + id + "}", "Replaces " + a);
        y.append("    parameters:\n").append(idParam);
        y.append("      - { name: body, type: object, required: true, location: body }\n");
        y.append("    responses:\n");
        y.append("      \"200\": { description: Replaced }\n");
        y.append(notFound);
      }
      case 4 -> {
        head(y, "update" + type, "PATCH", base + "/{" + id + "}", "Changes some fields of " + a);
        y.append("    parameters:\n").append(idParam);
        y.append("      - { name: body, type: object, required: true, location: body }\n");
        y.append("    responses:\n");
        y.append("      \"200\": { description: Updated }\n").append(notFound);
      }
      case 5 -> {
        head(y, "delete" + type, "DELETE", base + "/{" + id + "}", "Deletes " + a);
        y.append("    parameters:\n").append(idParam);
        y.append("    responses:\n      \"204\": { description: Deleted }\n").append(notFound);
        y.append("    rateLimit: { requests: 10, period: second }\n");
      }
      case 6 -> {
        head(y, "get" + type + "History", "GET", base + "/{" + id + "}/history", "Changes to " + a);
        y.append("    parameters:\n").append(idParam);
        y.append("      - { name: since, type: string, location: query }\n");
        y.append("    responses:\n");
        y.append(
            "      \"200\": { description: The changes, schema: { type: array, items: { type: object, properties: { at: { type: string }, field: { type: string } } } } }\n");
        y.append(notFound);
      }
      case 7 -> {
        head(
            y,
            "search" + capitalize(plural),
            "GET",
            base + "/search",
            "Full-text search over " + plural);
        y.append("    parameters:\n");
        y.append("      - { name: q, type: string, required: true, location: query }\n");
        y.append("      - { name: limit, type: integer, location: query }\n");
        y.append("    responses:\n");
        y.append(
            "      \"200\": { description: Matches, schema: { type: array, items: { type: object, properties: { id: { type: string }, score: { type: number } } } } }\n");
        rateLimit(y, r);
      }
      case 8 -> {
        head(y, "archive" + type, "POST", base + "/{" + id + "}/archive", "Archives " + a);
        y.append("    parameters:\n").append(idParam);
        y.append("    responses:\n      \"202\": { description: Archiving started }\n")
            .append(notFound);
      }
      case 9 -> {
        head(
            y,
            "get" + type + "Attachment",
            "GET",
            base + "/{" + id + "}/attachments/{attachmentId}",
            "One attachment of " + a);
        y.append("    parameters:\n").append(idParam);
        y.append("      - { name: attachmentId, type: string, required: true, location: path }\n");
        y.append("      - { name: X-Request-Id, type: string, location: header }\n");
        y.append("    responses:\n      \"200\": { description: The attachment }\n")
            .append(notFound);
      }
      case 10 -> {
        head(
            y,
            "batchCreate" + capitalize(plural),
            "POST",
            base + "/batch",
            "Creates many " + plural + " at once");
        y.append("    parameters:\n");
        y.append("      - { name: body, type: array, required: true, location: body }\n");
        y.append("    responses:\n      \"207\": { description: One status per item }\n");
        y.append("    rateLimit: { requests: 5, period: minute }\n");
      }
      default -> {
        head(
            y,
            "get" + type + "Stats",
            "GET",
            base + "/stats",
            "Counts of " + plural + " by status");
        y.append("    parameters:\n");
        y.append("      - { name: from, type: string, location: query }\n");
        y.append("      - { name: to, type: string, location: query }\n");
        y.append(
            "    responses:\n      \"200\": { description: Counts, schema: { type: object, additionalProperties: { type: integer } } }\n");
        if (r.nextBoolean()) {
          y.append("    deprecated: true\n");
        }
      }
    }
  }

  private static void head(
      StringBuilder y, String name, String method, String path, String description) {
    y.append("  - name: ").append(name).append('\n');
    y.append("    method: ").append(method).append('\n');
    y.append("    path: ").append(path).append('\n');
    y.append("    description: ").append(description).append('\n');
  }

  private static void rateLimit(StringBuilder y, Random r) {
    if (r.nextBoolean()) {
      return;
    }
    int[] requests = {50, 100, 200, 500, 1000};
    String[] periods = {"second", "minute", "hour"};
    y.append("    rateLimit: { requests: ")
        .append(requests[r.nextInt(requests.length)])
        .append(", period: ")
        .append(periods[r.nextInt(periods.length)])
        .append(" }\n");
  }

  private static String article(String noun) {
    return "aeiou".indexOf(noun.charAt(0)) >= 0 ? "an " + noun : "a " + noun;
  }

  private static String objectSchema(Random r) {
    StringBuilder s =
        new StringBuilder("{ type: object, required: [id], properties: { id: { type: string }");
    int fields = 1 + r.nextInt(3);
    int start = r.nextInt(FIELDS.length);
    for (int i = 0; i < fields; i++) {
      String[] field = FIELDS[(start + i) % FIELDS.length];
      s.append(", ").append(field[0]).append(": { type: ").append(field[1]);
      if (field[0].equals("status")) {
        s.append(", enum: [open, closed, cancelled]");
      }
      s.append(" }");
    }
    return s.append(" } }").toString();
  }

  static String aliasYaml(ApiFile f) {
    String host = f.name;
    return "kind: Alias\nname: "
        + f.name
        + "-backend\n"
        + "description: Backend of "
        + f.name
        + "\n"
        + "value: http://localhost:"
        + (9000 + f.index % 1000)
        + "\n"
        + "stages:\n"
        + "  qa: https://"
        + host
        + ".qa.internal\n"
        + "  prod: https://"
        + host
        + ".prod.internal\n";
  }

  static String teamYaml(int t) {
    String domain = DOMAINS[t % DOMAINS.length][1];
    return "kind: Team\nname: "
        + team(t)
        + "\n"
        + "description: Owns the "
        + domain
        + " services, squad "
        + t
        + "\n"
        + "owners: [lead-"
        + t
        + "@shop.example]\n"
        + "members: [dev-"
        + t
        + "-a@shop.example, dev-"
        + t
        + "-b@shop.example, dev-"
        + t
        + "-c@shop.example]\n";
  }

  static String policyYaml(String name) {
    String body =
        switch (name) {
          case "cors" ->
              "type: cors\nconfig:\n  allowOrigins: [\"https://shop.example\"]\n  allowMethods: [GET, POST, PUT, PATCH, DELETE]\n  maxAge: 600\n";
          case "cors-partners" ->
              "type: cors\nconfig:\n  allowOrigins: [\"https://partners.shop.example\"]\n  allowMethods: [GET, POST]\n";
          case "logging" -> "type: logging\nconfig:\n  level: info\n  includeHeaders: false\n";
          case "logging-audit" ->
              "type: logging\nconfig:\n  level: debug\n  includeHeaders: true\n  destination: audit\n";
          case "rate-limit-standard" ->
              "type: rate-limit\nconfig:\n  requests: 1000\n  period: minute\n";
          case "rate-limit-strict" ->
              "type: rate-limit\nconfig:\n  requests: 100\n  period: minute\n";
          case "ip-filter-internal" ->
              "type: ip-filter\nconfig:\n  allow: [10.0.0.0/8, 192.168.0.0/16]\n";
          default -> "type: header-transform\nconfig:\n  add:\n    X-Trace-Source: gateway\n";
        };
    return "kind: Policy\nname: " + name + "\n" + body;
  }

  static String planYaml(int p) {
    int[] price = {0, 29, 99, 499};
    int[] quota = {1000, 50_000, 500_000, 10_000_000};
    int[] rate = {5, 20, 100, 1000};
    String policy = p == 0 ? "rate-limit-strict" : "rate-limit-standard";
    return "kind: Plan\nname: "
        + PLANS[p]
        + "\n"
        + "description: The "
        + PLANS[p]
        + " plan\n"
        + "price: "
        + price[p]
        + "\ncurrency: EUR\nperiod: month\n"
        + "quota: { requests: "
        + quota[p]
        + ", period: month }\n"
        + "rateLimit: { requests: "
        + rate[p]
        + ", period: second }\n"
        + "policies: ["
        + policy
        + "]\n";
  }

  static String stageYaml(String name, String from) {
    StringBuilder y = new StringBuilder("kind: Stage\nname: " + name + "\n");
    if (from == null) {
      y.append("track: main\n");
    } else {
      y.append("promotesFrom: ").append(from).append('\n');
    }
    String host = name.equals("prod") ? "api.shop.example" : name + ".api.shop.example";
    y.append("gatewayUrl: https://").append(host).append('\n');
    if (from != null) {
      y.append("protected: true\n");
    }
    return y.toString();
  }

  static String applicationYaml(int a, int teams, List<String> published, Random r) {
    String name = application(a);
    List<String> apis = pick(r, published, 1 + r.nextInt(5));
    String secret = name.toUpperCase(Locale.ROOT).replace('-', '_') + "_KEY";
    return "kind: Application\nname: "
        + name
        + "\n"
        + "description: Consumer "
        + a
        + " of the shop's APIs\n"
        + "team: "
        + team(r.nextInt(teams))
        + "\n"
        + "apis: ["
        + String.join(", ", apis)
        + "]\n"
        + "contact:\n  email: "
        + name
        + "@shop.example\n  webhook: { url: https://hooks.shop.example/"
        + name
        + ", secret: \"${secret:WEBHOOK_"
        + secret
        + "}\" }\n"
        + "credentials:\n  - { name: primary, key: \"${secret:"
        + secret
        + "}\" }\n";
  }

  static String packageYaml(
      int p, int teams, List<String> published, List<String> plans, Random r) {
    List<String> apis = pick(r, published, 3 + r.nextInt(8));
    return "kind: Package\nname: "
        + pkg(p)
        + "\n"
        + "description: APIs offered together to partners, bundle "
        + p
        + "\n"
        + "team: "
        + team(r.nextInt(teams))
        + "\n"
        + "apis: ["
        + String.join(", ", apis)
        + "]\n"
        + "plans: ["
        + String.join(", ", plans)
        + "]\n";
  }

  static String promotionYaml(int p, Plan plan) {
    ApiFile f = plan.files.get(promotedFile(p, plan));
    return "kind: Promotion\nname: "
        + promotion(p, plan)
        + "\n"
        + "description: Brings "
        + f.name
        + " v"
        + f.major
        + " to QA\n"
        + "from: dev\nto: [qa]\n"
        + "assets:\n  - { kind: api, name: "
        + f.name
        + ", major: "
        + f.major
        + " }\n"
        + "include: { applications: none }\n"
        + "overwrite: all\n";
  }

  /** {@code count} distinct items of a list, in list order. */
  private static List<String> pick(Random r, List<String> from, int count) {
    Set<Integer> chosen = new LinkedHashSet<>();
    int wanted = Math.min(count, from.size());
    while (chosen.size() < wanted) {
      chosen.add(r.nextInt(from.size()));
    }
    List<Integer> sorted = new ArrayList<>(chosen);
    Collections.sort(sorted);
    List<String> out = new ArrayList<>(wanted);
    for (int i : sorted) {
      out.add(from.get(i));
    }
    return out;
  }

  private static String capitalize(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  /** Writes files under a root and counts them. */
  private static final class Writer {
    private final Path root;
    private final Map<String, Integer> byFolder = new TreeMap<>();
    private int files;
    private long bytes;

    Writer(Path root) {
      this.root = root;
    }

    void write(String path, String text) throws IOException {
      Path file = root.resolve(path);
      Files.createDirectories(file.getParent());
      byte[] data = text.getBytes(StandardCharsets.UTF_8);
      Files.write(file, data);
      files++;
      bytes += data.length;
      int slash = path.indexOf('/');
      byFolder.merge(slash < 0 ? path : path.substring(0, slash), 1, Integer::sum);
    }
  }
}
