package org.jiguan.platform.tracing;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/** The services' {@link Traces}: Spring Boot's Brave tracer and W3C propagator, or none when tracing is off. */
@AutoConfiguration
public class TracingConfiguration {

    @Bean
    public Traces traces(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        Tracer t = tracer.getIfAvailable();
        Propagator p = propagator.getIfAvailable();
        return t == null || p == null ? Traces.NONE : new Traces(t, p);
    }
}
