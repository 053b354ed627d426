package org.jiguan.organ.config;

import org.axonframework.modelling.command.Repository;
import org.jiguan.organ.domain.Committee;
import org.jiguan.organ.domain.Organ;
import org.jiguan.organ.domain.OrganLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class OrganServiceConfiguration {

    /** Acts that span a committee and its organs (quota, merger, reserved duties), in one unit of work. */
    @Bean
    public OrganLifecycle organLifecycle(Repository<Committee> committeeRepository, Repository<Organ> organRepository) {
        return new OrganLifecycle(committeeRepository, organRepository);
    }
}
