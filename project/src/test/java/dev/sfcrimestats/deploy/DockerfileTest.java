package dev.sfcrimestats.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.sfcrimestats.deploy.ParsedDockerfile.Instruction;
import dev.sfcrimestats.deploy.ParsedDockerfile.Stage;

/**
 * The Dockerfile without Docker: what it copies from the build context exists and is not left out by
 * .dockerignore, the build stage gets every module's sources and runs the launcher's package command, the runtime
 * stage bakes the whole project in, runs as a user of its own and starts the same main class as ./quarry.
 * DockerfileIT runs the entrypoint's command from the packaged layout.
 */
class DockerfileTest {

    private final ParsedDockerfile dockerfile = ParsedDockerfile.read();

    @Test
    void twoStagesOnTheAgreedImages() {
        assertThat(dockerfile.stages()).hasSize(2);
        Stage build = dockerfile.stages().get(0);
        assertThat(build.base()).isEqualTo("maven:3.9-eclipse-temurin-17");
        assertThat(build.name()).isEqualTo("build");
        assertThat(dockerfile.last().base()).isEqualTo("eclipse-temurin:17-jre");
    }

    @Test
    void everyCopyFromTheContextExistsAndIsSentToTheBuild() {
        for (Stage stage : dockerfile.stages()) {
            for (Instruction copy : stage.all("COPY")) {
                if (copy.flags().containsKey("from")) {
                    continue;
                }
                assertThat(copy.args()).as("COPY at Dockerfile:%d", copy.line()).hasSizeGreaterThanOrEqualTo(2);
                for (String source : copy.args().subList(0, copy.args().size() - 1)) {
                    assertThat(ParsedDockerfile.REPOSITORY.resolve(source))
                            .as("Dockerfile:%d copies %s", copy.line(), source).exists();
                    assertThat(ParsedDockerfile.ignored(source))
                            .as("Dockerfile:%d copies %s, which .dockerignore leaves out", copy.line(), source)
                            .isFalse();
                }
            }
        }
    }

    @Test
    void dockerignoreKeepsBuildOutputAndLocalDataOut() {
        // The check above is only as good as the matcher: these must be left out, these let in.
        assertThat(ParsedDockerfile.ignored("target/warehouse.duckdb")).isTrue();
        assertThat(ParsedDockerfile.ignored("project/target/sf-crime-stats.jar")).isTrue();
        assertThat(ParsedDockerfile.ignored("data/landing/sfpd/x.parquet")).isTrue();
        assertThat(ParsedDockerfile.ignored("terraform/envs/prod/terraform.tfvars")).isTrue();
        assertThat(ParsedDockerfile.ignored(".git/config")).isTrue();
        assertThat(ParsedDockerfile.ignored("project/src/test/java/Some.java")).isTrue();
        assertThat(ParsedDockerfile.ignored("models/marts/mart_daily_incidents.sql")).isFalse();
        assertThat(ParsedDockerfile.ignored("framework/src/main/java/dev/quarry/cli/QuarryMain.java")).isFalse();
    }

    @Test
    void theBuildStageHasEveryModuleAndRunsTheLaunchersPackageCommand() throws IOException {
        Stage build = dockerfile.stage("build");
        List<String> copied = new ArrayList<>();
        build.all("COPY").forEach(copy -> copied.addAll(copy.args().subList(0, copy.args().size() - 1)));
        assertThat(copied).contains("pom.xml");
        String rootPom = Files.readString(ParsedDockerfile.REPOSITORY.resolve("pom.xml"), StandardCharsets.UTF_8);
        Matcher module = Pattern.compile("<module>([^<]+)</module>").matcher(rootPom);
        int modules = 0;
        while (module.find()) {
            modules++;
            assertThat(copied).as("the build stage copies module %s", module.group(1))
                    .contains(module.group(1) + "/pom.xml", module.group(1) + "/src/main");
        }
        assertThat(modules).isPositive();

        // The same command ./quarry builds with, so the image holds what the launcher runs.
        String launcher = Files.readString(ParsedDockerfile.REPOSITORY.resolve("quarry"), StandardCharsets.UTF_8);
        String packageCommand = "mvn -B -q -Dmaven.test.skip=true package";
        assertThat(launcher).contains(packageCommand);
        assertThat(build.all("RUN")).extracting(run -> String.join(" ", run.args())).contains(packageCommand);
    }

    @Test
    void theRuntimeStageBakesTheWholeProjectWhereQuarryProjectDirPoints() {
        Stage runtime = dockerfile.last();
        String projectDir = runtime.env().get("QUARRY_PROJECT_DIR");
        assertThat(projectDir).as("ENV QUARRY_PROJECT_DIR").isNotBlank();
        // The files SfProject copies to make a runnable copy of the project: the image needs the same.
        for (String file : List.of("quarry_project.yml", "profiles.yml", "models", "macros", "seeds", "tests")) {
            assertThat(dockerfile.repositoryPathOf(projectDir + "/" + file))
                    .as("the image's %s/%s", projectDir, file)
                    .contains(ParsedDockerfile.REPOSITORY.resolve(file));
        }
    }

    @Test
    void theRuntimeRunsAsAUserOfItsOwn() {
        Stage runtime = dockerfile.last();
        Instruction user = runtime.last("USER").orElseThrow(() -> new AssertionError("no USER in the runtime stage"));
        assertThat(user.args().get(0)).isNotIn("root", "0", "0:0");
        Instruction entrypoint = runtime.last("ENTRYPOINT").orElseThrow();
        assertThat(user.line()).as("USER comes before ENTRYPOINT").isLessThan(entrypoint.line());
        assertThat(runtime.all("RUN")).anySatisfy(run -> assertThat(run.raw()).contains("useradd")
                .contains(user.args().get(0)));
    }

    @Test
    void theEntrypointIsTheLaunchersJavaCommand() throws IOException {
        Instruction entrypoint = dockerfile.last().last("ENTRYPOINT").orElseThrow();
        assertThat(entrypoint.raw()).as("exec form, so signals reach the JVM").contains("[");
        List<String> command = entrypoint.args();
        assertThat(command.get(0)).isEqualTo("java");

        String launcher = Files.readString(ParsedDockerfile.REPOSITORY.resolve("quarry"), StandardCharsets.UTF_8);
        Matcher mainClass = Pattern.compile("(dev\\.quarry\\.cli\\.[A-Za-z]+) \"\\$@\"").matcher(launcher);
        assertThat(mainClass.find()).as("the launcher's main class").isTrue();
        assertThat(command.get(command.size() - 1)).isEqualTo(mainClass.group(1));

        Matcher jar = Pattern.compile("jar=\"\\$app/([^\"]+)\"").matcher(launcher);
        assertThat(jar.find()).isTrue();
        String classpath = command.get(command.indexOf("-cp") + 1);
        assertThat(classpath.split(":")).hasSize(2).anySatisfy(entry -> assertThat(entry).endsWith("/" + jar.group(1)))
                .anySatisfy(entry -> assertThat(entry).endsWith("/lib/*"));
        for (String entry : classpath.split(":")) {
            Path fromBuild = dockerfile.repositoryPathOf(entry)
                    .orElseThrow(() -> new AssertionError("nothing in the image at " + entry));
            assertThat(ParsedDockerfile.REPOSITORY.relativize(fromBuild).toString().replace('\\', '/'))
                    .as("%s comes from the launcher's layout, project/target", entry)
                    .startsWith("project/target/");
        }
        assertThat(dockerfile.last().last("CMD")).isPresent();
    }
}
