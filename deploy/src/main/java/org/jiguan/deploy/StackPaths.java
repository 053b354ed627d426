package org.jiguan.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Where the repository is (to find the services' jars) and where the local stack keeps its data. */
record StackPaths(Path repoRoot, Path dataDir) {
    static final String DATA_DIR_ENV = "JIGUAN_DATA_DIR";
    static final String DEFAULT_DATA_DIR = ".jiguan-data";

    static StackPaths resolve(Map<String, String> env, Path workingDir) {
        Path root = findRepoRoot(workingDir).orElseThrow(() -> new StackException(
                "Cannot find the Jiguan repository root from " + workingDir
                        + " (a directory with pom.xml and deploy/pom.xml). Run from the repository root, e.g. deploy/local/start."));
        String configured = env.get(DATA_DIR_ENV);
        Path data = configured == null || configured.isBlank()
                ? root.resolve(DEFAULT_DATA_DIR)
                : workingDir.resolve(configured);
        return new StackPaths(root, data.toAbsolutePath().normalize());
    }

    /** Walks up from {@code start} to the first directory that looks like the reactor root. */
    static Optional<Path> findRepoRoot(Path start) {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isRegularFile(dir.resolve("deploy/pom.xml"))) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }

    Path mongoDir() {
        return dataDir.resolve("mongo");
    }

    Path kafkaDir() {
        return dataDir.resolve("kafka");
    }

    /**
     * Copies of the service jars the stack runs, so a rebuild while it runs cannot pull a jar from under it, and each
     * service's Tomcat directory.
     */
    Path runDir() {
        return dataDir.resolve("run");
    }

    Path secretFile() {
        return dataDir.resolve("jwt-secret");
    }
}
