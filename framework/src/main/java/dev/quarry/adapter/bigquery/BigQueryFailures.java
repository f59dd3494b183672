package dev.quarry.adapter.bigquery;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.cloud.bigquery.BigQueryError;
import com.google.cloud.bigquery.BigQueryException;
import com.google.cloud.bigquery.Job;

import dev.quarry.adapter.EngineException;

/**
 * BigQuery's failures as messages users can act on. A failed job names its id, its location and BigQuery's message
 * (the runners add the model). Missing credentials, a project that cannot be found and a denied permission say which
 * permission was missing, which IAM role grants it, and how Quarry can authenticate. A transient failure that
 * outlasted the retries says so. Credentials never appear in a message.
 */
final class BigQueryFailures {

    private static final String NL = System.lineSeparator();

    /** Permissions BigQuery names in access errors, and the predefined role that grants each. */
    private static final Map<String, String> ROLES = Map.ofEntries(
            Map.entry("bigquery.jobs.create", "roles/bigquery.jobUser on the project"),
            Map.entry("bigquery.tables.create", "roles/bigquery.dataEditor on the dataset or the project"),
            Map.entry("bigquery.tables.updateData", "roles/bigquery.dataEditor on the dataset or the project"),
            Map.entry("bigquery.tables.update", "roles/bigquery.dataEditor on the dataset or the project"),
            Map.entry("bigquery.tables.delete", "roles/bigquery.dataEditor on the dataset or the project"),
            Map.entry("bigquery.datasets.create", "roles/bigquery.dataEditor or roles/bigquery.dataOwner on the "
                    + "project"),
            Map.entry("bigquery.tables.getData", "roles/bigquery.dataViewer on the dataset or the project"),
            Map.entry("bigquery.tables.get", "roles/bigquery.dataViewer on the dataset or the project"),
            Map.entry("bigquery.tables.list", "roles/bigquery.dataViewer on the dataset or the project"),
            Map.entry("bigquery.datasets.get", "roles/bigquery.dataViewer on the dataset or the project"),
            Map.entry("storage.objects.get", "roles/storage.objectViewer on the bucket"),
            Map.entry("storage.objects.list", "roles/storage.objectViewer on the bucket"),
            Map.entry("iam.serviceAccounts.getAccessToken", "roles/iam.serviceAccountTokenCreator on the "
                    + "impersonated service account"));

    private static final Pattern PERMISSION = Pattern.compile(
            "\\b((?:bigquery|storage|iam|resourcemanager|serviceusage)\\.[A-Za-z]+\\.[A-Za-z]+)\\b");

    private static final Pattern PROJECT_NOT_FOUND = Pattern.compile("Not found: Project ([^\\s:]+)");

    private final BigQuerySettings settings;
    private final Optional<String> principal;

    /**
     * @param principal the account Quarry authenticates as, when known (a service account's email)
     */
    BigQueryFailures(BigQuerySettings settings, Optional<String> principal) {
        this.settings = settings;
        this.principal = principal;
    }

    /** A job that ended with an error. */
    EngineException jobFailed(Job job) {
        BigQueryError error = job.getStatus().getError();
        String what = "BigQuery job " + job.getJobId().getJob() + " in " + location(job.getJobId().getLocation());
        List<BigQueryError> all = job.getStatus().getExecutionErrors() == null ? List.of()
                : job.getStatus().getExecutionErrors();
        String message = messages(error, all);
        if (isAccess(error.getReason(), 0)) {
            return new EngineException(what + " was denied access: " + message + accessHints(message), null);
        }
        String retried = BigQueryRetrier.TRANSIENT_REASONS.contains(error.getReason())
                ? " (a transient error; retried " + settings.jobRetries() + " times)" : "";
        return new EngineException(what + " failed" + retried + ": " + message, null);
    }

    /**
     * An API call that failed.
     *
     * @param action what was being done, e.g. {@code "running job quarry_x"}, {@code "creating dataset p.d"}
     */
    EngineException callFailed(String action, BigQueryException failure) {
        String message = text(failure);
        String status = status(failure);
        Matcher project = PROJECT_NOT_FOUND.matcher(message);
        if (failure.getCode() == 404 && project.find()) {
            return new EngineException("BigQuery cannot find project '" + project.group(1) + "' while " + action
                    + ": " + message + NL + "  hint: check 'project' in profiles.yml (now '" + settings.project()
                    + "'), and that the credentials can see it" + NL + "  hint: " + authMethods(), failure);
        }
        if (isAccess(failure.getReason(), failure.getCode())) {
            return new EngineException("BigQuery denied access" + status + " while " + action + ": " + message
                    + accessHints(message), failure);
        }
        if (BigQueryRetrier.isTransient(failure)) {
            return new EngineException("BigQuery kept failing" + status + " while " + action + ", after "
                    + (settings.jobRetries() + 1) + " attempts: " + message + NL + "  hint: BigQuery or the network "
                    + "is having trouble; run again later, or raise job_retries in profiles.yml (now "
                    + settings.jobRetries() + ")", failure);
        }
        return new EngineException("BigQuery failed" + status + " while " + action + ": " + message, failure);
    }

    /** No credentials could be found or read: what each authentication method needs. */
    EngineException noCredentials(String problem) {
        return new EngineException("no Google Cloud credentials for BigQuery (method: " + settings.method().key()
                + "): " + problem + NL + "  hint: " + authMethods(), null);
    }

    private String accessHints(String message) {
        Set<String> permissions = new LinkedHashSet<>();
        Matcher matcher = PERMISSION.matcher(message);
        while (matcher.find()) {
            permissions.add(matcher.group(1));
        }
        String account = principal.map(email -> "the account " + email)
                .orElse("the account Quarry authenticates as");
        StringBuilder hints = new StringBuilder();
        if (permissions.isEmpty()) {
            hints.append(NL).append("  hint: ").append(account).append(" lacks a permission: roles/bigquery.jobUser "
                    + "lets it run jobs, roles/bigquery.dataViewer read tables, roles/bigquery.dataEditor write them");
        }
        for (String permission : permissions) {
            String role = ROLES.get(permission);
            hints.append(NL).append("  hint: ").append(account).append(" lacks the permission ").append(permission)
                    .append(role == null ? "; ask an administrator for a role that grants it"
                            : ", which " + role + " grants");
        }
        return hints.append(NL).append("  hint: ").append(authMethods()).toString();
    }

    /** Which method is in use and which exist. */
    private String authMethods() {
        String current = switch (settings.method()) {
            case OAUTH -> "application default credentials";
            case SERVICE_ACCOUNT -> "the key file " + settings.keyfile().map(Object::toString).orElse("");
            case SERVICE_ACCOUNT_JSON -> "the key in keyfile_json";
        };
        return "Quarry authenticated with method '" + settings.method().key() + "' (" + current + ")"
                + settings.impersonate().map(email -> " impersonating " + email).orElse("")
                + "; the methods are 'oauth' (application default credentials: run 'gcloud auth "
                + "application-default login', or use the machine's service account), 'service-account' (keyfile: "
                + "the path of a service account key file) and 'service-account-json' (keyfile_json: the key's "
                + "JSON, e.g. \"${env_var('BIGQUERY_KEYFILE_JSON')}\"); impersonate_service_account: EMAIL acts as "
                + "another service account with any of them";
    }

    private static boolean isAccess(String reason, int code) {
        return code == 401 || "accessDenied".equals(reason) || "authError".equals(reason)
                || "unauthorized".equals(reason) || "forbidden".equals(reason)
                || code == 403 && !"rateLimitExceeded".equals(reason) && !"quotaExceeded".equals(reason)
                        && !"billingNotEnabled".equals(reason) && !"responseTooLarge".equals(reason);
    }

    private static String messages(BigQueryError error, List<BigQueryError> all) {
        Set<String> messages = new LinkedHashSet<>();
        messages.add(error.getMessage());
        all.stream().map(BigQueryError::getMessage).filter(java.util.Objects::nonNull).limit(5)
                .forEach(messages::add);
        return String.join("; ", messages);
    }

    private static String text(BigQueryException failure) {
        if (failure.getError() != null && failure.getError().getMessage() != null) {
            return failure.getError().getMessage();
        }
        String message = failure.getMessage();
        return message == null ? failure.getClass().getSimpleName() : message.strip();
    }

    private static String status(BigQueryException failure) {
        String reason = failure.getReason();
        if (failure.getCode() <= 0) {
            return reason == null ? "" : " (" + reason + ")";
        }
        return " (HTTP " + failure.getCode() + (reason == null ? "" : " " + reason) + ")";
    }

    private String location(String jobLocation) {
        return jobLocation != null ? jobLocation : settings.location().orElse("the default location");
    }

    /** Where a job that could not be created would have run. */
    String location() {
        return location(null);
    }
}
