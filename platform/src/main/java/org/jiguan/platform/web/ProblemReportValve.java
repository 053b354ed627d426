package org.jiguan.platform.web;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;

/**
 * Tomcat answers some requests itself, before any filter or {@code /error} runs: a request line with a character
 * it refuses in the query or a broken {@code %} escape in the path is a 400. Its own report is an HTML page; this
 * valve writes the same problem+json as everything else instead (CONTRACT.md "Conventions").
 */
final class ProblemReportValve extends ErrorReportValve {
    private final ProblemWriter problems;

    ProblemReportValve(ProblemWriter problems) {
        this.problems = problems;
    }

    /** Puts this valve in place of the error report valves of the host (Tomcat's own and Spring Boot's). */
    static WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> installer(ProblemWriter problems) {
        return new Installer(problems);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int code = response.getStatus();
        if (code < 400 || response.getContentWritten() > 0) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        HttpStatus status = HttpStatus.resolve(code) == null ? HttpStatus.BAD_REQUEST : HttpStatus.valueOf(code);
        try {
            response.setContentType(ProblemWriter.PROBLEM_JSON.toString());
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(problems.json(status, ProblemWriter.codeFor(status), ProblemWriter.title(status)));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client has gone or the response was committed meanwhile: nothing more to tell it.
        }
    }

    private record Installer(ProblemWriter problems)
            implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {
        @Override
        public void customize(ConfigurableTomcatWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                Container host = context.getParent();
                for (Valve valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve) {
                        host.getPipeline().removeValve(valve);
                    }
                }
                host.getPipeline().addValve(new ProblemReportValve(problems));
                if (host instanceof StandardHost standardHost) {
                    // Else the host adds Tomcat's own valve when it starts.
                    standardHost.setErrorReportValveClass(ProblemReportValve.class.getName());
                }
            });
        }

        /** After Spring Boot's own customizer, which adds its error report valve. */
        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
