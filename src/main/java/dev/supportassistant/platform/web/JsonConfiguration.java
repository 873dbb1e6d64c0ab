package dev.supportassistant.platform.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.deser.DeserializationProblemHandler;
import tools.jackson.databind.type.LogicalType;

/**
 * Request bodies are read strictly: a number or a boolean where text belongs ({@code "message": 42}) is a 422
 * naming the field, as in the old backend, not quietly made text. Unknown fields are ignored, as the old backend
 * ignored them, but noted ({@link IgnoredFields}).
 */
@Configuration(proxyBeanMethods = false)
class JsonConfiguration {

    @Bean
    JsonMapperBuilderCustomizer strictJson() {
        return builder -> builder.addHandler(new IgnoredFields())
                .withCoercionConfig(LogicalType.Textual, config -> config
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
    }

    /**
     * Notes on the request the fields of its body that the request type lacks, so that a refusal (a required
     * field missing) can name them: a misspelt field ({@code "msg"}) is then the likely cause. Only the first
     * few are noted, each clipped, whatever the body holds.
     */
    static final class IgnoredFields extends DeserializationProblemHandler {

        private static final int MAX_NOTED = 3;
        private static final int MAX_NAME_CHARS = 40;
        private static final String ATTRIBUTE = IgnoredFields.class.getName();

        /** The ignored fields of one body, as the client spelled them, and those the request type has. */
        private record Noted(List<String> names, List<String> known) {
        }

        @Override
        public boolean handleUnknownProperty(DeserializationContext context, JsonParser parser,
                ValueDeserializer<?> deserializer, Object beanOrClass, String propertyName) {
            RequestAttributes request = RequestContextHolder.getRequestAttributes();
            if (request != null) {
                Noted noted = (Noted) request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
                if (noted == null) {
                    Collection<Object> known = deserializer.getKnownPropertyNames();
                    noted = new Noted(new ArrayList<>(), known == null ? List.of()
                            : known.stream().map(Objects::toString).toList());
                    request.setAttribute(ATTRIBUTE, noted, RequestAttributes.SCOPE_REQUEST);
                }
                if (noted.names().size() < MAX_NOTED) {
                    noted.names().add(propertyName.length() <= MAX_NAME_CHARS ? propertyName
                            : propertyName.substring(0, MAX_NAME_CHARS) + "…");
                }
            }
            parser.skipChildren();
            return true;
        }

        /** "; the body's "msg" is not a field here (the fields are ...)", or nothing when no field was ignored. */
        static String named(RequestAttributes request) {
            if (!(request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST) instanceof Noted noted)) {
                return "";
            }
            String names = noted.names().stream().map(name -> "\"" + name + "\"").collect(Collectors.joining(", "));
            return "; the body's " + names + (noted.names().size() == 1 ? " is not a field here"
                    : " are not fields here")
                    + (noted.known().isEmpty() ? "" : " (the fields are " + String.join(", ", noted.known()) + ")");
        }
    }
}
