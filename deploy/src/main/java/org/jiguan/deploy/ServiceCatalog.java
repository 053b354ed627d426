package org.jiguan.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.jiguan.platform.messaging.Topics;

/**
 * The services the local stack runs. Adding one is one line here; a service whose module directory does not
 * exist yet is skipped.
 */
final class ServiceCatalog {
    /**
     * A service module: its fat jar is {@code <module>/target/<module>.jar}.
     *
     * @param topic       the event topic it publishes
     * @param otherTopics further topics it publishes (meeting-service's access-controlled {@code meeting-records})
     */
    record Service(String name, String chineseName, int port, String topic, List<String> otherTopics) {
        Service(String name, String chineseName, int port, String topic) {
            this(name, chineseName, port, topic, List.of());
        }

        /** Every topic it publishes, its event topic first. */
        List<String> topics() {
            return Stream.concat(Stream.of(topic), otherTopics.stream()).toList();
        }

        Path moduleDir(Path repoRoot) {
            return repoRoot.resolve(name);
        }

        Path jar(Path repoRoot) {
            return moduleDir(repoRoot).resolve("target").resolve(name + ".jar");
        }

        String baseUrl() {
            return "http://127.0.0.1:" + port;
        }

        String title() {
            return name + " (" + chineseName + ")";
        }
    }

    static final List<Service> ALL = List.of(
            new Service("organ-service", "工作机关", 8081, "organ-events"),
            new Service("meeting-service", "会议与决策", 8082, "meeting-events", List.of(Topics.MEETING_RECORDS)),
            new Service("oversight-service", "监督提醒", 8083, "oversight-reminders"));

    private ServiceCatalog() {
    }

    /** The services of {@code all} whose module directory exists under {@code repoRoot}. */
    static List<Service> present(Path repoRoot, List<Service> all) {
        return all.stream().filter(s -> Files.isDirectory(s.moduleDir(repoRoot))).toList();
    }
}
