package dev.lite2pg.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** docker-compose.yml must not give the network a database with a password anyone can read in this repository. */
class DockerComposeTest {

    private static final Path COMPOSE = Path.of("docker-compose.yml");

    private static JsonNode postgres() {
        return YAMLMapper.builder()
                .build()
                .readTree(COMPOSE.toFile())
                .path("services")
                .path("postgres");
    }

    @Test
    void postgresIsPublishedOnTheLoopbackInterfaceOnly() {
        JsonNode ports = postgres().path("ports");

        assertThat(ports.isArray() && !ports.isEmpty())
                .as("ports of %s", COMPOSE)
                .isTrue();
        for (JsonNode port : ports) {
            // "5432:5432" or "0.0.0.0:5432:5432" listens on every interface.
            assertThat(port.asString()).as("published port").startsWith("127.0.0.1:");
        }
    }

    @Test
    void thePasswordHasNoDefaultAndIsRequired() {
        String password =
                postgres().path("environment").path("POSTGRES_PASSWORD").asString();

        // ${VAR:?message} makes compose refuse to start without it; ${VAR:-default} or a literal would be a known
        // password.
        assertThat(password).matches("\\$\\{POSTGRES_PASSWORD:\\?[^}]+}");
    }

    @Test
    void anApplicationDatabaseIsCreated() {
        String database = postgres().path("environment").path("POSTGRES_DB").asString();

        assertThat(database).isNotBlank().isNotEqualTo("postgres");
        assertThat(postgres().path("healthcheck").path("test").toString()).contains("-d " + database);
    }

    @Test
    void theReadmeSaysWhichPasswordVariablesToExport() throws IOException {
        String readme = Files.readString(Path.of("README.md"));

        assertThat(readme)
                .contains("export POSTGRES_PASSWORD=")
                .contains("LITE2PG_TARGET_PASSWORD=\"$POSTGRES_PASSWORD\"");
    }
}
