package dev.quarry.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Ctrl-C through a real process: the CLI runs in a child JVM on the fixture project {@code projects/interrupt}
 * (DuckDB file), gets SIGINT while a model's statement is running, and must cancel it, exit 130, write
 * {@code run_results.json} and leave the previous version of the interrupted model in place.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class InterruptEndToEndIT {

    /** With this many rows {@code slow} scans for hours: it can only end by being cancelled. */
    private static final String FOREVER = "{rows: 1000000000000}";
    private static final String SLOW_STARTED = "START table model main.slow";
    private static final String FAST_FINISHED = "OK created table model main.fast";

    @TempDir
    Path project;

    private Process process;

    @AfterEach
    void killTheChildIfStillRunning() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void sigintCancelsTheRunningModelWritesTheResultsAndKeepsThePreviousTable() throws Exception {
        FixtureProject fixture = FixtureProject.copy("interrupt", project);
        // The previous version: slow built quickly (ten rows of n = 10), in-process.
        assertThat(fixture.run("--profiles-dir", project.toString(), "build")).as(fixture.stderr()).isZero();
        assertThat(query("select id, n from main.slow order by id")).hasSize(10)
                .allSatisfy(row -> assertThat(row.get(1)).isEqualTo("10"));
        Files.delete(project.resolve("target/run_results.json"));

        process = quarryProcess("build", "--threads", "2", "--vars", FOREVER);
        Output stdout = Output.read(process.getInputStream(), "stdout");
        Output stderr = Output.read(process.getErrorStream(), "stderr");
        // Both workers busy: fast finished while slow's statement is running.
        stdout.awaitLines(List.of(SLOW_STARTED, FAST_FINISHED), 30, process, stderr);
        Thread.sleep(500); // slow's statement is under way, not just its node
        assertThat(process.isAlive()).as("the run must still be busy with slow").isTrue();

        long signalled = System.nanoTime();
        Process kill = new ProcessBuilder("kill", "-INT", String.valueOf(process.pid())).inheritIO().start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(kill.exitValue()).isZero();

        assertThat(process.waitFor(30, TimeUnit.SECONDS))
                .as("the run must stop within 30 s of SIGINT%nstdout:%n%s%nstderr:%n%s", stdout, stderr).isTrue();
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - signalled);
        stdout.join();
        stderr.join();
        String context = String.format("after %d s%nstdout:%n%s%nstderr:%n%s", seconds, stdout, stderr);

        assertThat(process.exitValue()).as(context).isEqualTo(130);
        Path runResults = project.resolve("target/run_results.json");
        assertThat(runResults).as("the JVM must not exit on SIGINT before the results are written; %s", context)
                .exists();
        assertThat(stdout.text()).as(context).contains("ERROR creating table model main.slow")
                .doesNotContain("OK created table model main.slow")
                .doesNotContain("START table model main.after_slow");
        assertThat(stderr.text()).as(context).contains("Failure in model slow (models/slow.sql)")
                .contains("Interrupted: the running statements were cancelled; target/run_results.json lists "
                        + "what finished.");

        JsonNode results = new ObjectMapper().readTree(runResults.toFile());
        assertThat(results.at("/metadata/command").asText()).isEqualTo("build");
        assertThat(results.get("interrupted").asBoolean()).as(context).isTrue();
        Map<String, String> statuses = new LinkedHashMap<>();
        Map<String, String> messages = new LinkedHashMap<>();
        results.get("results").forEach(result -> {
            statuses.put(result.get("unique_id").asText(), result.get("status").asText());
            messages.put(result.get("unique_id").asText(), result.get("message").asText());
        });
        assertThat(statuses).as(context).containsOnly(Map.entry("model.interrupt.fast", "success"),
                Map.entry("model.interrupt.slow", "error"), Map.entry("model.interrupt.after_slow", "skipped"));
        assertThat(messages.get("model.interrupt.slow")).containsIgnoringCase("interrupt");

        // The interrupted build never reached the swap: the ten rows of the previous build are still there, whole,
        // and no temporary or backup table is left behind.
        assertThat(query("select id, n from main.slow order by id")).as(context)
                .containsExactly(List.of("0", "10"), List.of("1", "10"), List.of("2", "10"), List.of("3", "10"),
                        List.of("4", "10"), List.of("5", "10"), List.of("6", "10"), List.of("7", "10"),
                        List.of("8", "10"), List.of("9", "10"));
        assertThat(query("select table_name from information_schema.tables order by table_name")).as(context)
                .containsExactly(List.of("after_slow"), List.of("fast"), List.of("slow"));

        // Nothing is left locked: the next run builds what the interrupted one did not.
        assertThat(fixture.run("--profiles-dir", project.toString(), "build", "-s", "slow+"))
                .as(fixture.stderr()).isZero();
        assertThat(fixture.stdout()).contains("Completed: PASS=2 WARN=0 ERROR=0 SKIP=0 TOTAL=2");
        assertThat(query("select sum(doubled) from main.after_slow")).containsExactly(List.of("200"));
    }

    /** {@code java -cp <this JVM's class path> dev.quarry.cli.QuarryMain --project-dir ... ARGUMENTS}. */
    private Process quarryProcess(String... arguments) throws IOException {
        List<String> command = new ArrayList<>();
        if (ignoresSigint()) {
            // A JVM started with SIGINT ignored (e.g. Maven started in the background of a script) never installs
            // its Ctrl-C handler; GNU env restores the default disposition for the child.
            command.addAll(List.of("env", "--default-signal=INT"));
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.quarry.cli.QuarryMain",
                "--project-dir", project.toString(), "--profiles-dir", project.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile());
        builder.environment().remove("QUARRY_PROJECT_DIR");
        return builder.start();
    }

    /** Whether this JVM (and so a child it starts) has SIGINT ignored; Linux only, false elsewhere. */
    private static boolean ignoresSigint() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("SigIgn:")) {
                    return (Long.parseUnsignedLong(line.substring(7).strip(), 16) & (1L << 1)) != 0;
                }
            }
        } catch (IOException | RuntimeException notLinux) {
            // Fall through: start the child directly.
        }
        return false;
    }

    private List<List<String>> query(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:"
                + project.resolve("target/interrupt.duckdb"));
                Statement statement = connection.createStatement();
                ResultSet results = statement.executeQuery(sql)) {
            List<List<String>> rows = new ArrayList<>();
            int columns = results.getMetaData().getColumnCount();
            while (results.next()) {
                List<String> row = new ArrayList<>();
                for (int index = 1; index <= columns; index++) {
                    row.add(String.valueOf(results.getObject(index)));
                }
                rows.add(row);
            }
            return rows;
        }
    }

    /** One output stream of the child, read line by line on its own thread. */
    private static final class Output {

        private final List<String> lines = new ArrayList<>();
        private final Thread reader;

        private Output(java.io.InputStream stream, String name) {
            reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(stream,
                        StandardCharsets.UTF_8))) {
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        synchronized (this) {
                            lines.add(line);
                            notifyAll();
                        }
                    }
                } catch (IOException closed) {
                    // The process was killed: what was read is all there is.
                }
            }, "quarry-child-" + name);
            reader.setDaemon(true);
        }

        static Output read(java.io.InputStream stream, String name) {
            Output output = new Output(stream, name);
            output.reader.start();
            return output;
        }

        /** Waits until every one of {@code expected} is in some line; fails if the process ends or time runs out. */
        synchronized void awaitLines(List<String> expected, int seconds, Process process, Output stderr)
                throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (!expected.stream().allMatch(part -> lines.stream().anyMatch(line -> line.contains(part)))) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !process.isAlive() && !reader.isAlive()) {
                    fail("expected lines with %s within %d s; process alive: %s%nstdout:%n%s%nstderr:%n%s",
                            expected, seconds, process.isAlive(), this, stderr);
                }
                wait(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(left), 200)));
            }
        }

        void join() throws InterruptedException {
            reader.join(TimeUnit.SECONDS.toMillis(10));
        }

        synchronized String text() {
            return String.join("\n", lines);
        }

        @Override
        public String toString() {
            return text();
        }
    }
}
