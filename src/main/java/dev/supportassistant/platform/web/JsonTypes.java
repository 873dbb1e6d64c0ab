package dev.supportassistant.platform.web;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import tools.jackson.core.JsonToken;

/**
 * JSON's types in the words a client reads in a refusal ("expected text, found a number"): what a
 * field of the request takes, and what the body held there.
 */
final class JsonTypes {

    private JsonTypes() {
    }

    /** What a field of this Java type takes in JSON. */
    static String of(Class<?> target) {
        if (target == String.class || target == Character.class || target == char.class || target.isEnum()) {
            return "text";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "true or false";
        }
        if (target == Integer.class || target == int.class || target == Long.class || target == long.class
                || target == Short.class || target == short.class || target == BigInteger.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(target) || target == double.class || target == float.class
                || target == BigDecimal.class) {
            return "a number";
        }
        if (target.isArray() || Collection.class.isAssignableFrom(target)) {
            return "a list";
        }
        return Map.class.isAssignableFrom(target) ? "an object" : "an object with the documented fields";
    }

    /** What the body held where the field's value was; absent when it is not known. */
    static @Nullable String of(@Nullable JsonToken found) {
        if (found == null) {
            return null;
        }
        return switch (found) {
            case VALUE_STRING -> "text";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "true or false";
            case START_ARRAY -> "a list";
            case START_OBJECT -> "an object";
            case VALUE_NULL -> "null";
            default -> null;
        };
    }
}
