package dev.supportassistant.platform.security;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Hands controller methods that declare a {@link Caller} parameter the caller Spring Security
 * authenticated for the request (the security filter chain has run by then), and registers itself
 * with Spring MVC for that. Other request-level code (limits per client) asks {@link #resolve}.
 */
@Component
public class CallerResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {

    /** The caller of the request being handled on this thread. */
    public Caller resolve(@Nullable HttpServletRequest request) {
        return Caller.of(SecurityContextHolder.getContext().getAuthentication());
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Caller.class;
    }

    @Override
    public Caller resolveArgument(MethodParameter parameter, @Nullable ModelAndViewContainer container,
            NativeWebRequest webRequest, @Nullable WebDataBinderFactory binderFactory) {
        return resolve(webRequest.getNativeRequest(HttpServletRequest.class));
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }
}
