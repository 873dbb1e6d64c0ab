package dev.supportassistant.desk;

/** The desk's session cookie, as application.yml names it ({@code server.servlet.session.cookie}). */
final class SessionCookie {

    static final String NAME = "DESK_SESSION";

    private SessionCookie() {
    }
}
