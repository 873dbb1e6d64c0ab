package dev.supportassistant.desk;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The desk's content policy in place of the API's ({@code default-src 'none'}, which lets a
 * browser run nothing): the desk's own scripts, styles and images, the live stream, and for
 * watching a customer's screen, Agora's servers (WebRTC signalling and media) and the video it
 * plays from {@code blob:} URLs. No inline scripts, no framing. Its assets may be cached for an
 * hour; pages and data never.
 *
 * <p>Referrers stay within the origin ({@code same-origin} rather than the API's {@code no-referrer}):
 * under {@code no-referrer} a browser sends {@code Origin: null} with the desk's own form posts,
 * which then look cross-origin and are refused by the CORS rules.
 */
final class DeskHeaders extends OncePerRequestFilter {

    private static final String AGORA = "https://*.agora.io wss://*.agora.io https://*.sd-rtn.com wss://*.sd-rtn.com "
            + "https://*.agoraio.cn wss://*.agoraio.cn";
    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data: blob:; media-src 'self' blob:; worker-src 'self' blob:; connect-src 'self' "
            + AGORA + "; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Content-Security-Policy", POLICY);
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("Cache-Control",
                request.getServletPath().startsWith("/desk/assets/") ? "private, max-age=3600" : "no-store");
        chain.doFilter(request, response);
    }
}
