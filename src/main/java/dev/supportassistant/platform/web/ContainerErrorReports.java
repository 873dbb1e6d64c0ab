package dev.supportassistant.platform.web;

import java.io.IOException;
import java.io.PrintWriter;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Makes the servlet container's own refusals problem details like every other error: Tomcat turns some requests
 * away before any filter sees them (an encoded slash or NUL in the path, a character a URL may not hold) with
 * its HTML page, which the frontend cannot show. The host's error report valve, which writes that page, is replaced.
 */
@Component
class ContainerErrorReports implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                // Tomcat adds its own valve at start-up unless one of the configured class is there.
                host.setErrorReportValveClass(ProblemDetailValve.class.getName());
                host.getPipeline().addValve(new ProblemDetailValve());
            }
        });
    }

    /** Writes the container's error answers as {@code application/problem+json}, without exception text. */
    static final class ProblemDetailValve extends ErrorReportValve {

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            // As Tomcat's own valve: only errors nobody has answered yet, and only once.
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            HttpStatus known = HttpStatus.resolve(status);
            String title = known != null ? known.getReasonPhrase() : "Error";
            String detail = status == 400 ? "The request is malformed: its URL or headers are not valid HTTP "
                    + "(for example an encoded slash %2F, an encoded NUL %00 or a character a URL may not contain), "
                    + "or they are too large"
                    : title;
            try {
                response.setHeader("X-Content-Type-Options", "nosniff");
                response.setHeader("Cache-Control", "no-store");
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setCharacterEncoding("UTF-8");
                PrintWriter writer = response.getReporter();
                if (writer != null) {
                    writer.write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                            + ",\"detail\":\"" + detail + "\"}");
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException clientGone) {
                // nothing more can be said to this client
            }
        }
    }
}
