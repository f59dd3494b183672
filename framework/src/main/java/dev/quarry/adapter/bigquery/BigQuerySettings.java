package dev.quarry.adapter.bigquery;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import dev.quarry.error.Diagnostic;
import dev.quarry.error.ProjectException;
import dev.quarry.project.Target;

/**
 * A BigQuery target's connection settings, read from its {@code profiles.yml} output.
 *
 * @param project             the Google Cloud project jobs run in and relations default to ({@code project})
 * @param dataset             the target's dataset ({@code dataset})
 * @param location            where jobs run and datasets are created ({@code location}: {@code US}, {@code EU},
 *                            {@code europe-west1}, ...); empty lets BigQuery choose from the datasets a job reads
 * @param method              how to authenticate ({@code method})
 * @param keyfile             the service account key file, for {@code method: service-account}
 * @param keyfileJson         the service account key's JSON, for {@code method: service-account-json}; never logged
 * @param impersonate         a service account to act as ({@code impersonate_service_account})
 * @param priority            {@code interactive} (default) or {@code batch}
 * @param jobTimeout          {@code job_timeout_seconds}: BigQuery stops a job that runs longer, and Quarry stops
 *                            waiting; empty means BigQuery's own limit (6 hours)
 * @param jobRetries          {@code job_retries} (default 3): how often a transient failure is retried, both by the
 *                            client for each API call and by the session for a job that failed transiently
 * @param maximumBytesBilled  {@code maximum_bytes_billed}: a query that would bill more fails without cost
 * @param labels              {@code labels}: added to every job
 * @param apiEndpoint         {@code api_endpoint}: another API host (tests, emulators), used without credentials
 */
public record BigQuerySettings(String project, String dataset, Optional<String> location, AuthMethod method,
        Optional<Path> keyfile, Optional<String> keyfileJson, Optional<String> impersonate, Priority priority,
        Optional<Duration> jobTimeout, int jobRetries, Optional<Long> maximumBytesBilled, Map<String, String> labels,
        Optional<String> apiEndpoint) {

    /** Retries of a transient failure when the profile does not say: enough to ride out a short outage. */
    public static final int DEFAULT_JOB_RETRIES = 3;

    public BigQuerySettings {
        labels = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(labels));
    }

    /** Every setting but the key's JSON, which is a secret. */
    @Override
    public String toString() {
        return "BigQuerySettings[project=" + project + ", dataset=" + dataset + ", location=" + location
                + ", method=" + method.key() + ", keyfile=" + keyfile + ", keyfileJson="
                + keyfileJson.map(json -> "<secret>").orElse("none") + ", impersonate=" + impersonate
                + ", priority=" + priority + ", jobTimeout=" + jobTimeout + ", jobRetries=" + jobRetries
                + ", maximumBytesBilled=" + maximumBytesBilled + ", labels=" + labels + ", apiEndpoint="
                + apiEndpoint + "]";
    }

    /** How Quarry gets credentials ({@code method:}). */
    public enum AuthMethod {
        /** Application default credentials: {@code gcloud auth application-default login}, or the VM's account. */
        OAUTH("oauth"),
        /** A service account key file ({@code keyfile: path}). */
        SERVICE_ACCOUNT("service-account"),
        /** A service account key's JSON in the profile ({@code keyfile_json}, usually from an environment variable). */
        SERVICE_ACCOUNT_JSON("service-account-json");

        private final String key;

        AuthMethod(String key) {
            this.key = key;
        }

        /** As profiles write it. */
        public String key() {
            return key;
        }
    }

    /** A query job's priority ({@code priority:}). */
    public enum Priority {
        INTERACTIVE,
        BATCH
    }

    /**
     * Reads a target's settings; relative key file paths resolve against the project directory.
     *
     * @throws ProjectException naming the key and what it may be, at the target in profiles.yml
     */
    public static BigQuerySettings of(Target target, Path projectRoot) {
        Reader reader = new Reader(target);
        Map<String, Object> settings = target.settings();
        String project = target.database() != null ? target.database() : reader.text("project").orElse(null);
        if (project == null || project.isBlank()) {
            throw reader.error("has no project", "add 'project: <Google Cloud project id>'");
        }
        AuthMethod method = reader.choice("method", AuthMethod.values(), AuthMethod::key).orElse(AuthMethod.OAUTH);
        Optional<Path> keyfile = reader.text("keyfile").map(file -> keyfilePath(file, projectRoot));
        Optional<String> keyfileJson = settings.get("keyfile_json") instanceof Map<?, ?> map
                ? Optional.of(NewlineDelimitedJson.object(map)) : reader.text("keyfile_json");
        if (method == AuthMethod.SERVICE_ACCOUNT && keyfile.isEmpty()) {
            throw reader.error("uses method 'service-account' without 'keyfile'",
                    "add 'keyfile: <path to the service account key JSON file>'");
        }
        if (method == AuthMethod.SERVICE_ACCOUNT_JSON && keyfileJson.filter(json -> !json.isBlank()).isEmpty()) {
            throw reader.error("uses method 'service-account-json' without 'keyfile_json'",
                    "add keyfile_json: \"${env_var('BIGQUERY_KEYFILE_JSON')}\" and set that variable to the key's "
                            + "JSON");
        }
        Priority priority = reader.choice("priority", Priority.values(), value -> value.name().toLowerCase(Locale.ROOT))
                .orElse(Priority.INTERACTIVE);
        Optional<Duration> jobTimeout = reader.positive("job_timeout_seconds").map(Duration::ofSeconds);
        int jobRetries = reader.whole("job_retries", 0).map(Math::toIntExact).orElse(DEFAULT_JOB_RETRIES);
        Optional<Long> maximumBytesBilled = reader.positive("maximum_bytes_billed");
        return new BigQuerySettings(project, target.schema(), reader.text("location"), method, keyfile, keyfileJson,
                reader.text("impersonate_service_account"), priority, jobTimeout, jobRetries, maximumBytesBilled,
                reader.labels(), reader.text("api_endpoint"));
    }

    private static Path keyfilePath(String file, Path projectRoot) {
        String expanded = file.startsWith("~/") ? System.getProperty("user.home") + file.substring(1) : file;
        return projectRoot.resolve(expanded).normalize();
    }

    /** Reads one output's keys, with errors that name the key. */
    private static final class Reader {

        private final Target target;

        Reader(Target target) {
            this.target = target;
        }

        Optional<String> text(String key) {
            Object value = target.settings().get(key);
            if (value == null) {
                return Optional.empty();
            }
            if (value instanceof Map<?, ?> || value instanceof java.util.List<?>) {
                throw error("'" + key + "' must be text, not a " + (value instanceof Map<?, ?> ? "mapping" : "list"),
                        null);
            }
            String text = value.toString().strip();
            return text.isEmpty() ? Optional.empty() : Optional.of(text);
        }

        <T> Optional<T> choice(String key, T[] values, java.util.function.Function<T, String> name) {
            return text(key).map(given -> Arrays.stream(values)
                    .filter(value -> name.apply(value).equalsIgnoreCase(given))
                    .findFirst()
                    .orElseThrow(() -> error("'" + key + "' must be " + Arrays.stream(values).map(name)
                            .map(each -> "'" + each + "'").collect(Collectors.joining(" or ")) + ", not '" + given
                            + "'", null)));
        }

        Optional<Long> positive(String key) {
            return whole(key, 1);
        }

        Optional<Long> whole(String key, long minimum) {
            return text(key).map(given -> {
                try {
                    long value = Long.parseLong(given.replace("_", ""));
                    if (value >= minimum) {
                        return value;
                    }
                } catch (NumberFormatException notANumber) {
                    // Reported below with the other wrong values.
                }
                throw error("'" + key + "' must be a whole number of at least " + minimum + ", not '" + given + "'",
                        null);
            });
        }

        Map<String, String> labels() {
            Object value = target.settings().get("labels");
            if (value == null) {
                return Map.of();
            }
            if (!(value instanceof Map<?, ?> map)) {
                throw error("'labels' must be a mapping of label names to values", "write labels: {team: data}");
            }
            Map<String, String> labels = new LinkedHashMap<>();
            map.forEach((key, label) -> labels.put(String.valueOf(key), label == null ? "" : label.toString()));
            return labels;
        }

        ProjectException error(String problem, String hint) {
            String message = "BigQuery target '" + target.name() + "'" + (problem.startsWith("'") ? ": " : " ")
                    + problem;
            return new ProjectException(hint == null ? Diagnostic.error(target.location(), message)
                    : Diagnostic.error(target.location(), message, hint));
        }
    }
}
