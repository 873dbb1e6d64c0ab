package dev.supportassistant.platform.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import org.jspecify.annotations.Nullable;

/**
 * The one rule for control characters in what a request carries: none (C0 controls, U+0000 to
 * U+001F, and DEL) in names, ids and other keys; in text a person writes ({@link #lines}) only line
 * breaks and tabs. PostgreSQL cannot store a NUL at all, and the others have no business in a
 * conversation, a log line or an account. On every string of a request body (a record component),
 * checked with {@code @Valid}; query parameters, form fields and path segments are held to the same
 * rule by {@link PrintableParameters}, and token subjects by the security module, through
 * {@link ControlCharacters}.
 */
@Documented
@Constraint(validatedBy = Printable.Check.class)
@Target({ElementType.METHOD, ElementType.FIELD, ElementType.ANNOTATION_TYPE, ElementType.CONSTRUCTOR,
        ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Printable {

    /** Whether line breaks (CR, LF) and tabs are allowed: text a person writes, not a name or an id. */
    boolean lines() default false;

    String message() default ControlCharacters.REFUSAL;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks a {@link Printable} value; absent values are for {@code @NotNull} to judge. */
    final class Check implements ConstraintValidator<Printable, CharSequence> {

        private boolean lines;

        @Override
        public void initialize(Printable rule) {
            lines = rule.lines();
        }

        @Override
        public boolean isValid(@Nullable CharSequence value, ConstraintValidatorContext context) {
            if (value == null || !ControlCharacters.in(value, lines)) {
                return true;
            }
            if (lines && ControlCharacters.REFUSAL.equals(context.getDefaultConstraintMessageTemplate())) {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(ControlCharacters.REFUSAL_IN_TEXT)
                        .addConstraintViolation();
            }
            return false;
        }
    }
}
