package io.apistage.versions;

import static io.apistage.problem.RuleId.*;

import io.apistage.problem.RuleId;

/**
 * Which way data flows through a schema, which decides whether a change of it breaks consumers: a
 * request schema is written by consumers, so accepting less breaks them; a response schema is read
 * by them, so sending less (or other) breaks them. Each direction names the rule of every kind of
 * schema change, so the two lists can be read side by side.
 *
 * @since 0.1.0
 */
enum Direction {
  /** A parameter's or request body's schema, filled in by the consumer. */
  REQUEST {
    @Override
    RuleId schemaAdded() {
      return REQUEST_TYPE_CHANGED;
    }

    @Override
    RuleId schemaRemoved() {
      return REQUEST_CONSTRAINT_RELAXED;
    }

    @Override
    RuleId typeChanged() {
      return REQUEST_TYPE_CHANGED;
    }

    @Override
    RuleId propertyAdded(boolean required) {
      return required ? REQUEST_PROPERTY_ADDED_REQUIRED : REQUEST_PROPERTY_ADDED;
    }

    @Override
    boolean namesRequiredness() {
      return true;
    }

    @Override
    RuleId propertyRemoved() {
      return REQUEST_PROPERTY_REMOVED;
    }

    @Override
    RuleId propertyMadeRequired() {
      return REQUEST_PROPERTY_MADE_REQUIRED;
    }

    @Override
    RuleId propertyMadeOptional() {
      return REQUEST_PROPERTY_MADE_OPTIONAL;
    }

    @Override
    RuleId constraintChanged(String keyword, boolean tightened) {
      return tightened ? REQUEST_CONSTRAINT_TIGHTENED : REQUEST_CONSTRAINT_RELAXED;
    }

    @Override
    String hiddenBy() {
      return "readOnly";
    }

    @Override
    Constraints.EnumRules enumRules() {
      return new Constraints.EnumRules(
          REQUEST_ENUM_VALUE_REMOVED,
          REQUEST_ENUM_VALUE_ADDED,
          REQUEST_CONSTRAINT_TIGHTENED,
          REQUEST_CONSTRAINT_RELAXED);
    }
  },

  /** A response's schema, read by the consumer. */
  RESPONSE {
    @Override
    RuleId schemaAdded() {
      return RESPONSE_SCHEMA_ADDED;
    }

    @Override
    RuleId schemaRemoved() {
      return RESPONSE_SCHEMA_REMOVED;
    }

    @Override
    RuleId typeChanged() {
      return RESPONSE_TYPE_CHANGED;
    }

    @Override
    RuleId propertyAdded(boolean required) {
      return RESPONSE_PROPERTY_ADDED;
    }

    @Override
    boolean namesRequiredness() {
      return false;
    }

    @Override
    RuleId propertyRemoved() {
      return RESPONSE_PROPERTY_REMOVED;
    }

    @Override
    RuleId propertyMadeRequired() {
      return RESPONSE_PROPERTY_MADE_REQUIRED;
    }

    @Override
    RuleId propertyMadeOptional() {
      return RESPONSE_PROPERTY_MADE_OPTIONAL;
    }

    @Override
    RuleId constraintChanged(String keyword, boolean tightened) {
      if (tightened && keyword.equals("minLength")) {
        return RESPONSE_MIN_LENGTH_RAISED;
      }
      return tightened ? RESPONSE_CONSTRAINT_CHANGED : RESPONSE_CONSTRAINT_RELAXED;
    }

    @Override
    String hiddenBy() {
      return "writeOnly";
    }

    @Override
    Constraints.EnumRules enumRules() {
      return new Constraints.EnumRules(
          RESPONSE_ENUM_VALUE_REMOVED,
          RESPONSE_ENUM_VALUE_ADDED,
          RESPONSE_CONSTRAINT_CHANGED,
          RESPONSE_CONSTRAINT_CHANGED);
    }
  };

  /** A schema where there was none. */
  abstract RuleId schemaAdded();

  /** The schema removed. */
  abstract RuleId schemaRemoved();

  /** A schema, property, {@code type}, {@code format}, {@code $ref} or {@code items} replaced. */
  abstract RuleId typeChanged();

  /**
   * A property added.
   *
   * @param required whether the new property is in its object's {@code required} list
   */
  abstract RuleId propertyAdded(boolean required);

  /** Whether a property added is worded as required or optional (it matters to the rule). */
  abstract boolean namesRequiredness();

  abstract RuleId propertyRemoved();

  abstract RuleId propertyMadeRequired();

  abstract RuleId propertyMadeOptional();

  /**
   * A constraint keyword changed.
   *
   * @param keyword the keyword, e.g. {@code maxLength}
   * @param tightened whether the change accepts fewer values than before
   */
  abstract RuleId constraintChanged(String keyword, boolean tightened);

  /**
   * The flag that keeps a property out of this direction's messages: {@code readOnly} properties
   * are not sent in requests, {@code writeOnly} ones not returned in responses.
   */
  abstract String hiddenBy();

  /** The rules of an {@code enum} change: an enum added restricts, an enum removed relaxes. */
  abstract Constraints.EnumRules enumRules();
}
