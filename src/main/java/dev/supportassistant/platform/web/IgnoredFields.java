package dev.supportassistant.platform.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.DeserializationProblemHandler;

/**
 * Fields of a request body that the request type does not have. They are ignored, as the old
 * backend ignored them, but noted on the request: when the request is refused anyway (a required
 * field is missing), the answer names them, because a misspelt field ({@code "msg"}) is then the
 * likely cause. Only the first few are noted, each clipped, whatever the body holds.
 */
final class IgnoredFields extends DeserializationProblemHandler {

    static final int MAX_NOTED = 3;
    static final int MAX_NAME_CHARS = 40;
    private static final String ATTRIBUTE = IgnoredFields.class.getName();

    /**
     * The ignored fields of one body.
     *
     * @param names as the client spelled them, clipped
     * @param known the fields the request type has, as the client should spell them
     */
    record Noted(List<String> names, List<String> known) {
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

    /** The fields ignored in this request's body, if any were. */
    static @Nullable Noted of(RequestAttributes request) {
        return (Noted) request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
    }
}
