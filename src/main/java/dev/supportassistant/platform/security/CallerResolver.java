package dev.supportassistant.platform.security;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import dev.supportassistant.platform.ratelimit.RequestClients;

/**
 * Who calls: the {@link Caller} for controller methods that declare one, and for the rate limits
 * also the client's address (the one {@code TRUSTED_PROXIES} forwarded), by {@link #addressKey}.
 */
@Component
class CallerResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer, RequestClients {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Caller.class;
    }

    @Override
    public Caller resolveArgument(MethodParameter parameter, @Nullable ModelAndViewContainer container,
            NativeWebRequest webRequest, @Nullable WebDataBinderFactory binderFactory) {
        return Caller.current();
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public Client of(HttpServletRequest request) {
        Caller caller = Caller.current();
        return new Client(caller.userId(), caller.agentName(), caller.admin(), addressKey(request.getRemoteAddr()));
    }

    /**
     * Who a limit counts: an IPv4 address (also one mapped into IPv6) as it is, an IPv6 address by
     * its /64 network, which one subscriber holds whole; anything else as given. Only a dotted quad
     * or a text with a colon reaches {@link InetAddress#getByName}, which then never asks DNS.
     */
    static String addressKey(String address) {
        boolean v4 = address.matches("\\d{1,3}(\\.\\d{1,3}){3}")
                && Arrays.stream(address.split("\\.")).allMatch(octet -> Integer.parseInt(octet) <= 255);
        boolean v6 = address.indexOf(':') >= 0 && address.matches("[0-9a-fA-F:.]+");
        try {
            InetAddress ip = v4 || v6 ? InetAddress.getByName(address) : null;
            if (ip == null || ip instanceof Inet4Address) {
                return ip == null ? address : ip.getHostAddress();
            }
            byte[] network = Arrays.copyOf(Arrays.copyOf(ip.getAddress(), 8), 16);
            return InetAddress.getByAddress(network).getHostAddress() + "/64";
        } catch (UnknownHostException notAnAddress) {
            return address;
        }
    }
}
