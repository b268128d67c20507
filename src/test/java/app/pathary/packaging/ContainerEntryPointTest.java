package app.pathary.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image's entry point ({@code packaging/container/pathary}) starts java with the options each command needs, as
 * {@code ./pathary} does: C1 only, the sweeps inlining less, and {@code PATHARY_JAVA_OPTS} replacing the defaults. Run
 * against a stand-in java that prints its arguments.
 */
class ContainerEntryPointTest {
    private static final String SWEEP_INLINING = "-XX:C1MaxInlineSize=16 -XX:C1MaxInlineLevel=4";

    @TempDir
    Path jdk;

    @Test
    void the_sweeps_inline_less_and_pathary_java_opts_replaces_the_defaults() throws Exception {
        Path java = Files.createDirectories(jdk.resolve("bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\necho \"$@\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));

        for (String sweep : List.of("cleanup:plan", "cleanup:apply", "watched:report")) {
            assertThat(start(Map.of(), sweep)).as(sweep).contains("-XX:TieredStopAtLevel=1 ").contains(SWEEP_INLINING)
                    .endsWith("-jar /opt/pathary/pathary.jar " + sweep);
        }
        for (String other : List.of("serve", "user:list", "jellyfin:import")) {
            assertThat(start(Map.of(), other)).as(other).contains("-XX:TieredStopAtLevel=1 ").doesNotContain("C1MaxInline");
        }
        assertThat(start(Map.of("PATHARY_JAVA_OPTS", "-Xmx1g"), "cleanup:plan"))
                .isEqualTo("-Xmx1g -jar /opt/pathary/pathary.jar cleanup:plan");
    }

    private String start(Map<String, String> env, String command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bash", "packaging/container/pathary", command).redirectErrorStream(true);
        builder.environment().remove("PATHARY_JAVA_OPTS");
        builder.environment().put("PATHARY_APPCDS", "off");
        builder.environment().put("JAVA_HOME", jdk.toString());
        builder.environment().putAll(env);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(out).isZero();
        return out;
    }
}
