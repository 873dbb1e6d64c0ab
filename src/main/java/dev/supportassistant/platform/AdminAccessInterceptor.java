package dev.supportassistant.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/** Lets a request reach an {@link AdminOnly} endpoint only with the admin key (or in debug mode without one). */
@Component
class AdminAccessInterceptor implements HandlerInterceptor {

    private final AdminKeyCheck adminKey;

    AdminAccessInterceptor(AdminKeyCheck adminKey) {
        this.adminKey = adminKey;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method) || !isAdminOnly(method)) {
            return true;
        }
        adminKey.refusal(request).ifPresent(refusal -> {
            throw refusal;
        });
        return true;
    }

    private static boolean isAdminOnly(HandlerMethod method) {
        return method.hasMethodAnnotation(AdminOnly.class) || method.getBeanType().isAnnotationPresent(AdminOnly.class);
    }
}
