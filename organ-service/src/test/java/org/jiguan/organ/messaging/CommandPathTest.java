package org.jiguan.organ.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.jiguan.organ.OrganServiceTestBase;
import org.junit.jupiter.api.Test;

/**
 * What a command costs on its way besides its store requests ({@link HotPathQueriesTest}). Axon's time limits
 * (on by default) walked the request thread's stack and scheduled a task on its janitor for every command and every
 * handler it ran, a few percent of a command's CPU; they are off ({@code axon.timeout.enabled=false}): the store's
 * and the broker's clients have their own timeouts, and each command's duration is logged.
 */
class CommandPathTest extends OrganServiceTestBase {

    @Test
    void a_command_schedules_no_time_limit_task() {
        String committee = provincialCommittee(5);
        String organ = committee + "-o1";
        expectStatus(admin().post("/api/v1/organs", organBody(committee, organ, "FUNCTIONAL_DEPARTMENT")), 201);

        for (int i = 1; i <= 20; i++) {
            expectStatus(admin().post("/api/v1/organs/" + organ + "/headcount",
                    Map.of("headcount", i, "asOf", "2025-06-30")), 204);
        }

        // The janitor's one thread starts with its first task: none of this JVM's commands or handlers gave it one.
        assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
                .as("threads of this JVM").doesNotContain("axon-janitor-0");
    }
}
