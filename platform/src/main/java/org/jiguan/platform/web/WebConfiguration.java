package org.jiguan.platform.web;

import java.time.Clock;
import java.time.Duration;

import com.mongodb.client.MongoDatabase;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.jiguan.platform.time.BusinessCalendar;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.PropertyCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.module.SimpleModule;

/** Error format, Idempotency-Key handling, the business clock and the OpenAPI description shared by services. */
@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration")
@Import({ProblemWriter.class, ProblemAdvice.class, ProblemErrorController.class, BodyProblems.class, DateBounds.class})
public class WebConfiguration {
    /**
     * The service's clock. {@code jiguan.clock.skew} (default 0) sets it ahead or behind the machine's, as an
     * instance whose clock is off would be: tests use it to prove nothing depends on clocks agreeing.
     */
    @Bean
    @ConditionalOnMissingBean
    public Clock clock(@Value("${jiguan.clock.skew:0s}") Duration skew) {
        return Clock.offset(Clock.system(BusinessCalendar.ZONE), skew);
    }

    /**
     * Refuses bodies over {@code jiguan.web.max-body-size} (256 KiB) after Spring Security (order -100) and before
     * the Idempotency-Key filter buffers them.
     */
    @Bean
    public FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(
            @Value("${jiguan.web.max-body-size:256KB}") DataSize maxBodySize, ProblemWriter problems) {
        FilterRegistrationBean<BodySizeLimitFilter> registration =
                new FilterRegistrationBean<>(new BodySizeLimitFilter(maxBodySize.toBytes(), problems));
        registration.setOrder(-50);
        return registration;
    }

    /**
     * A request budget per caller: {@code jiguan.web.rate-limit.burst} (2,000) at once, refilled at
     * {@code jiguan.web.rate-limit.per-second} (1,000), generous for the benchmarks' and the demo's single callers.
     * After Spring Security (order -100), which knows the caller, and before anything reads the body.
     */
    @Bean
    public FilterRegistrationBean<CallerRateLimit> callerRateLimit(
            @Value("${jiguan.web.rate-limit.burst:2000}") long burst,
            @Value("${jiguan.web.rate-limit.per-second:1000}") long perSecond, ProblemWriter problems) {
        FilterRegistrationBean<CallerRateLimit> registration =
                new FilterRegistrationBean<>(new CallerRateLimit(burst, perSecond, problems));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(-60);
        return registration;
    }

    /**
     * The kept keys; a claim not renewed for {@code jiguan.idempotency.takeover-after} (2 minutes) is taken to be
     * abandoned by a request that died.
     */
    @Bean
    public IdempotencyKeys idempotencyKeys(MongoDatabase serviceDatabase, Clock clock,
                                           @Value("${jiguan.idempotency.takeover-after:2m}") Duration takeoverAfter) {
        return new IdempotencyKeys(serviceDatabase, clock, takeoverAfter);
    }

    /**
     * Runs after Spring Security (order -100) so keys are kept per authenticated caller, and after the body size
     * limit; it reads the body itself no further than that limit either.
     */
    @Bean
    public FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(IdempotencyKeys keys, ProblemWriter problems,
            @Value("${jiguan.web.max-body-size:256KB}") DataSize maxBodySize) {
        FilterRegistrationBean<IdempotencyFilter> registration =
                new FilterRegistrationBean<>(new IdempotencyFilter(keys, problems, maxBodySize.toBytes()));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(0);
        return registration;
    }

    /** Hourly, forgets idempotency keys untouched for more than {@code jiguan.idempotency.retention} (7 days). */
    @Bean
    public IdempotencyKeyCleanup idempotencyKeyCleanup(IdempotencyKeys keys,
                                                       @Value("${jiguan.idempotency.retention:7d}") Duration retention) {
        return new IdempotencyKeyCleanup(keys, retention);
    }

    /**
     * HTTP bodies: a value that cannot be read is noted and reading goes on, so VALIDATION lists every wrong field
     * ({@link BodyProblems}); business dates and instants are held to their range ({@link DateBounds}).
     */
    @Bean
    public JsonMapperBuilderCustomizer requestBodyChecks(DateBounds dateBounds) {
        return builder -> builder.addHandler(new BodyProblems.Handler())
                .addModule(new SimpleModule("jiguan-date-bounds").setDeserializerModifier(dateBounds.bodyDates()));
    }

    /** Query parameters and path variables over {@link Limits#SHORT_TEXT} are refused before the handler runs. */
    @Bean
    public WebMvcConfigurer parameterLimits() {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new ParameterLimits()).addPathPatterns("/api/**");
            }
        };
    }

    /** The servlet container's own error answers (a malformed request line) as problem+json too. */
    @Bean
    public WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> problemReports(ProblemWriter problems) {
        return ProblemReportValve.installer(problems);
    }

    @Bean
    public PropertyCustomizer datesThatMayLieAhead() {
        return ApiDocumentation.datesThatMayLieAhead();
    }

    @Bean
    public OpenApiCustomizer sharedApiDocumentation() {
        return new ApiDocumentation();
    }

    @Bean
    public OpenAPI serviceOpenApi(@Value("${spring.application.name}") String name,
                                  @Value("${jiguan.api.description:}") String description) {
        return new OpenAPI()
                .info(new Info().title("Jiguan " + name).version("v1").description(description))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
