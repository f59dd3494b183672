package dev.sfcrimestats.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.sfcrimestats.SfProject;
import dev.sfcrimestats.deploy.ParsedDockerfile.Instruction;
import dev.sfcrimestats.deploy.ParsedDockerfile.Stage;

/**
 * The image's entrypoint run without Docker: its java command with each path of the image replaced by the file
 * the Dockerfile copies there (the packaged project/target layout, which exists in the integration-test phase, after
 * package), once with --version and once compiling the project assembled from the Dockerfile's own COPY lines.
 */
class DockerfileIT {

    private final ParsedDockerfile dockerfile = ParsedDockerfile.read();

    @Test
    void theEntrypointPrintsTheVersionFromThePackagedLayout() throws Exception {
        Result result = run(List.of("--version"), null);
        assertThat(result.exit()).as(result.output()).isZero();
        assertThat(result.output()).startsWith("quarry ");
    }

    @Test
    void theEntrypointCompilesTheProjectTheImageBakesIn(@TempDir Path image) throws Exception {
        // The project folder as the image would have it: every context COPY into QUARRY_PROJECT_DIR, replayed.
        Stage runtime = dockerfile.last();
        String projectDir = runtime.env().get("QUARRY_PROJECT_DIR");
        Path project = image.resolve(projectDir.substring(1));
        Files.createDirectories(project);
        for (Instruction copy : runtime.all("COPY")) {
            if (copy.flags().containsKey("from")) {
                continue;
            }
            String destination = copy.args().get(copy.args().size() - 1);
            if (!destination.startsWith(projectDir)) {
                continue;
            }
            for (String source : copy.args().subList(0, copy.args().size() - 1)) {
                Path from = ParsedDockerfile.REPOSITORY.resolve(source);
                Path to = destination.endsWith("/")
                        ? image.resolve(destination.substring(1)).resolve(from.getFileName().toString())
                        : image.resolve(destination.substring(1));
                SfProject.copyTree(from, to);
            }
        }
        Result result = run(List.of("compile"), project);
        assertThat(result.exit()).as(result.output()).isZero();
        assertThat(project.resolve("target/manifest.json")).exists();
    }

    private record Result(int exit, String output) {
    }

    private Result run(List<String> arguments, Path projectDir) throws IOException, InterruptedException {
        List<String> entrypoint = dockerfile.last().last("ENTRYPOINT").orElseThrow().args();
        List<String> command = new ArrayList<>();
        // The JVM running the tests (17, as in the image) rather than whatever java is first on the PATH.
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (int i = 1; i < entrypoint.size(); i++) {
            String argument = entrypoint.get(i);
            if (i > 0 && entrypoint.get(i - 1).equals("-cp")) {
                List<String> entries = new ArrayList<>();
                for (String entry : argument.split(":")) {
                    Path local = dockerfile.repositoryPathOf(entry)
                            .orElseThrow(() -> new AssertionError("nothing in the image at " + entry));
                    Path checked = local.getFileName().toString().equals("*") ? local.getParent() : local;
                    assertThat(checked).as("%s in the image comes from %s, which the package step makes", entry,
                            checked).exists();
                    entries.add(local.toString());
                }
                argument = String.join(java.io.File.pathSeparator, entries);
            }
            command.add(argument);
        }
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("QUARRY_PROJECT_DIR");
        builder.environment().remove("QUARRY_TARGET");
        if (projectDir != null) {
            builder.environment().put("QUARRY_PROJECT_DIR", projectDir.toString());
            builder.directory(projectDir.toFile());
        }
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(300, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the entrypoint did not finish: " + output);
        }
        return new Result(process.exitValue(), output);
    }
}
