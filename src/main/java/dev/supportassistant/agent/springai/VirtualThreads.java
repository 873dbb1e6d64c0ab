package dev.supportassistant.agent.springai;

/**
 * Where virtual threads may carry the AI providers' blocking calls: from Java 24 on. The vendor
 * SDKs' OkHttp waits for HTTP/2 data with {@code Object.wait} inside {@code synchronized}, which
 * before Java 24 (JEP 491) pins a virtual thread to its carrier; with a few hundred such waits at
 * once, every virtual thread of the service would stall. On 21 to 23 those calls get platform threads.
 */
public final class VirtualThreads {

    private VirtualThreads() {
    }

    public static boolean forBlockingProviderCalls() {
        return Runtime.version().feature() >= 24;
    }
}
