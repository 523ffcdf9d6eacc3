package io.apistage.yaml;

import java.util.Map;
import org.snakeyaml.engine.v2.api.ConstructNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.schema.CoreSchema;
import org.snakeyaml.engine.v2.schema.Schema;

/**
 * The YAML 1.2 core schema with a shortcut: a plain scalar whose first character cannot start a
 * null, boolean, number, merge key or environment reference is a string, without asking snakeyaml's
 * resolver. That resolver runs at least one regular expression on every plain scalar (a word like
 * {@code string} is still tried against the empty-value pattern), which made up a sixth of what
 * parsing a large config root allocated. Everything else goes to the core schema's resolver, so
 * every scalar resolves as before; {@code FastResolverTest} compares the two.
 */
public final class FastResolver implements ScalarResolver {

  /** First characters of the core schema's null, bool, int, float, merge and ${ENV} forms. */
  private static final String MAY_RESOLVE = " ~nNtTfF-+.0123456789<$";

  private final ScalarResolver core;

  private FastResolver(ScalarResolver core) {
    this.core = core;
  }

  /**
   * The core schema, resolving through this shortcut: for reading, and for writing, where the
   * emitter asks the resolver about every scalar to decide whether it needs quotes.
   */
  public static Schema coreSchema() {
    CoreSchema core = new CoreSchema();
    FastResolver resolver = new FastResolver(core.getScalarResolver());
    return new Schema() {
      @Override
      public ScalarResolver getScalarResolver() {
        return resolver;
      }

      @Override
      public Map<Tag, ConstructNode> getSchemaTagConstructors() {
        return core.getSchemaTagConstructors();
      }
    };
  }

  @Override
  public Tag resolve(String value, Boolean implicit) {
    if (Boolean.TRUE.equals(implicit)
        && !value.isEmpty()
        && MAY_RESOLVE.indexOf(value.charAt(0)) < 0) {
      return Tag.STR;
    }
    return core.resolve(value, implicit);
  }
}
