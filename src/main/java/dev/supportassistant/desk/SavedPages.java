package dev.supportassistant.desk;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;

/**
 * Which refused request the desk returns to after signing in: a page the person opened, never one
 * of the requests a page makes by itself (live streams, the parts it fetches again, images), which
 * would otherwise send the person to a bare fragment after signing in.
 */
final class SavedPages {

    private SavedPages() {
    }

    static RequestCache cache() {
        HttpSessionRequestCache cache = new HttpSessionRequestCache();
        cache.setRequestMatcher(SavedPages::isPage);
        return cache;
    }

    static boolean isPage(HttpServletRequest request) {
        String path = request.getServletPath();
        return "GET".equals(request.getMethod()) && !path.endsWith("/events") && !path.endsWith("/live")
                && !path.equals("/desk/queue") && !path.startsWith("/desk/assets/")
                && !path.startsWith("/desk/screenshots/");
    }
}
