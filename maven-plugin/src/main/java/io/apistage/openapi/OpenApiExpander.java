package io.apistage.openapi;

import io.apistage.problem.Problem;
import io.apistage.yaml.YMap;
import io.apistage.yaml.YNode;
import io.apistage.yaml.YScalar;
import io.apistage.yaml.YSeq;
import io.apistage.yaml.YamlParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one place an Api's {@code openapi} field is honoured: every reader of Api documents (the
 * configuration loader for validate, diff, promote and release; check-versions for both sides of a
 * change) passes the document through {@link #expand}, which reads the OpenAPI document it names
 * and puts its operations under {@code endpoints}, each value keeping its OpenAPI file, line and
 * column (see docs/openapi.md).
 *
 * <p>The project's own YAML reader is used rather than swagger-parser: swagger-parser resolves
 * references well but returns a model without positions, and every problem and every change finding
 * must point at its line and column in the OpenAPI file.
 *
 * @since 0.2.0
 */
public final class OpenApiExpander {

  private OpenApiExpander() {}

  /**
   * An Api document with its endpoints in place.
   *
   * @param body the document: the one read when it names no OpenAPI document or one that cannot be
   *     read, else the same with {@code endpoints} converted from it
   * @param problems problems of the OpenAPI document, at their own file and position
   * @param origins which file each converted value came from
   * @param files the OpenAPI files read, relative to the config root
   */
  public record Expanded(
      YMap body, List<Problem> problems, OpenApiOrigins origins, List<String> files) {

    public Expanded {
      problems = List.copyOf(problems);
      files = List.copyOf(files);
    }
  }

  /**
   * Reads the OpenAPI document an Api names, if any, and converts its operations.
   *
   * @param apiFile the Api file, relative to the config root
   * @param body the Api document as read
   * @param files where the OpenAPI files are read
   * @param parser the YAML reader (its limits apply to OpenAPI files too)
   */
  public static Expanded expand(String apiFile, YMap body, OpenApiFiles files, YamlParser parser)
      throws IOException {
    if (!(body.get("openapi") instanceof YScalar ref) || !ref.isString()) {
      return new Expanded(body, List.of(), OpenApiOrigins.NONE, List.of()); // schema's to report
    }
    List<Problem> problems = new ArrayList<>();
    Optional<String> path = location(apiFile, body, ref, problems);
    if (path.isEmpty()) {
      return new Expanded(body, problems, OpenApiOrigins.NONE, List.of());
    }
    RefResolver refs = new RefResolver(files, parser, problems);
    Optional<YNode> root = refs.root(path.get());
    if (root.isEmpty()) {
      if (files.read(path.get()).isEmpty()) {
        problems.add(
            RefResolver.problem(
                apiFile,
                ref.position(),
                "no OpenAPI document at " + path.get() + "; check the path"));
      }
      return new Expanded(body, problems, OpenApiOrigins.NONE, List.of(path.get()));
    }
    if (!isOpenApi3(root.get())) {
      problems.add(
          RefResolver.problem(
              path.get(),
              root.get() instanceof YMap m ? m.valuePosition("openapi") : root.get().position(),
              "not an OpenAPI 3.0 or 3.1 document: the root needs openapi: 3.0.x or 3.1.x"
                  + (root.get() instanceof YMap m && m.has("swagger")
                      ? " (Swagger 2.0 is not read; convert it to OpenAPI 3 first)"
                      : "")));
      return new Expanded(body, problems, OpenApiOrigins.NONE, List.of(path.get()));
    }
    return withEndpoints(body, path.get(), (YMap) root.get(), refs, problems);
  }

  /**
   * The path of the OpenAPI document inside the config root; empty, with the problem, when the Api
   * also lists endpoints or the reference leaves the config root.
   */
  private static Optional<String> location(
      String apiFile, YMap body, YScalar ref, List<Problem> problems) {
    if (body.has("endpoints")) {
      problems.add(
          RefResolver.problem(
              apiFile,
              body.keyPosition("endpoints"),
              "an Api takes its endpoints from openapi or lists them under endpoints, not both;"
                  + " remove one"));
      return Optional.empty();
    }
    Optional<String> path = RefResolver.sibling("", ref.text());
    if (path.isEmpty()) {
      problems.add(
          RefResolver.problem(
              apiFile,
              ref.position(),
              "openapi '" + ref.text() + "' is outside the config root; name a file inside it"));
    }
    return path;
  }

  /** The Api with the document's operations as its endpoints, at the place of its openapi key. */
  private static Expanded withEndpoints(
      YMap body, String path, YMap doc, RefResolver refs, List<Problem> problems)
      throws IOException {
    SchemaInliner inliner = new SchemaInliner(refs, problems);
    List<YNode> endpoints = new OperationConverter(refs, inliner, problems).convert(path, doc);
    Map<String, YMap.Entry> entries = new LinkedHashMap<>(body.entries());
    YMap.Entry at = body.entries().get("openapi");
    YNode paths = doc.has("paths") ? doc.get("paths") : doc;
    YSeq list = inliner.from(path, new YSeq(endpoints, paths.line(), paths.column()));
    entries.put("endpoints", new YMap.Entry("endpoints", at.keyLine(), at.keyColumn(), list));
    return new Expanded(
        new YMap(entries, body.line(), body.column()),
        problems,
        new OpenApiOrigins(inliner.files()),
        List.copyOf(refs.roots().keySet()));
  }

  private static boolean isOpenApi3(YNode root) {
    return root instanceof YMap m
        && m.get("openapi") instanceof YScalar v
        && v.text().matches("3\\.[01](\\.\\d+)?(-.*)?");
  }
}
