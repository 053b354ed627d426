package org.jiguan.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.jiguan.deploy.ServiceCatalog.Service;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackPathsTest {

    @TempDir
    Path repo;

    @Test
    void findsTheRepositoryRootFromASubdirectoryAndDefaultsTheDataDirectory() throws Exception {
        makeRepo();
        Path nested = Files.createDirectories(repo.resolve("deploy/local"));

        StackPaths paths = StackPaths.resolve(Map.of(), nested);

        assertThat(paths.repoRoot()).isEqualTo(repo.toAbsolutePath().normalize());
        assertThat(paths.dataDir()).isEqualTo(paths.repoRoot().resolve(".jiguan-data"));
        assertThat(paths.secretFile()).isEqualTo(paths.dataDir().resolve("jwt-secret"));
        assertThat(paths.mongoDir()).isEqualTo(paths.dataDir().resolve("mongo"));
        assertThat(paths.kafkaDir()).isEqualTo(paths.dataDir().resolve("kafka"));
    }

    @Test
    void honoursJiguanDataDir() throws Exception {
        makeRepo();
        Path elsewhere = repo.resolve("elsewhere");

        StackPaths paths = StackPaths.resolve(Map.of(StackPaths.DATA_DIR_ENV, elsewhere.toString()), repo);

        assertThat(paths.dataDir()).isEqualTo(elsewhere.toAbsolutePath().normalize());
    }

    @Test
    void saysWhereItLookedWhenThereIsNoRepository() {
        assertThatThrownBy(() -> StackPaths.resolve(Map.of(), repo))
                .isInstanceOf(StackException.class).hasMessageContaining("repository root");
    }

    @Test
    void skipsServicesWhoseModuleDoesNotExistYet() throws Exception {
        makeRepo();
        Files.createDirectories(repo.resolve("organ-service"));

        List<Service> present = ServiceCatalog.present(repo, ServiceCatalog.ALL);

        assertThat(present).extracting(Service::name).containsExactly("organ-service");
        assertThat(present.get(0).jar(repo)).isEqualTo(repo.resolve("organ-service/target/organ-service.jar"));
        assertThat(present.get(0).port()).isEqualTo(8081);
    }

    private void makeRepo() throws Exception {
        Files.writeString(repo.resolve("pom.xml"), "<project/>");
        Files.createDirectories(repo.resolve("deploy"));
        Files.writeString(repo.resolve("deploy/pom.xml"), "<project/>");
    }
}
