package dev.supportassistant.platform.web;

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
 * Holds a string of a request body to the {@link ControlCharacters} rule: none in names, ids and keys; in text a
 * person writes ({@link #lines}) only line breaks and tabs. Checked with {@code @Valid}; what a request carries
 * outside its body is held to the same rule by {@link PrintableParameters}.
 */
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
            if (lines) {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(ControlCharacters.REFUSAL_IN_TEXT)
                        .addConstraintViolation();
            }
            return false;
        }
    }
}
