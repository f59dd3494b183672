package dev.sfcrimestats.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import dev.sfcrimestats.deploy.ParsedTerraform.Block;

/**
 * The rest of the Terraform, read as HCL: variables (described, validated, and the validations do what they
 * say), the datasets against the names Quarry gives the prod target, the Cloud Run job, the scheduler, and the two
 * environments' backends.
 */
class TerraformStackTest {

    private static final String MODULE = "modules/gcp/";
    private static final List<String> ENVIRONMENTS = List.of("dev", "prod");

    /** Inputs a wrong value of which would deploy something broken or unsafe: each must have a validation. */
    private static final Set<String> VALIDATED = Set.of("project_id", "region", "location", "landing_bucket_name",
            "site_bucket_name", "schedule", "image", "github_repository");

    @Test
    void everyVariableIsDescribedAndTyped() {
        List<Block> variables = ParsedTerraform.blocks("", "variable", null);
        assertThat(variables).isNotEmpty();
        for (Block variable : variables) {
            assertThat(variable.text("description")).as("description of %s in %s", variable.name(), variable.file())
                    .isNotBlank().hasSizeGreaterThan(15);
            assertThat(variable.text("type")).as("type of %s in %s", variable.name(), variable.file()).isNotBlank();
        }
    }

    @Test
    void theImportantVariablesAreValidatedInTheModuleAndEveryEnvironment() {
        for (String folder : folders()) {
            Map<String, Block> variables = variables(folder);
            for (String name : VALIDATED) {
                assertThat(variables).as("variables of %s", folder).containsKey(name);
                JsonNode validation = variables.get(name).nested("validation");
                assertThat(validation.path("condition").asText()).as("validation of %s in %s", name, folder)
                        .isNotBlank();
                assertThat(validation.path("error_message").asText()).as("error message of %s in %s", name, folder)
                        .isNotBlank();
            }
        }
    }

    @Test
    void theValidationsAcceptGoodValuesAndRejectBadOnes() {
        // The regular expressions of the validations, run here (RE2 and Java agree on these simple patterns), so a
        // validation that lets everything through, or stops a good value, fails here rather than at apply time.
        Map<String, List<String>> good = new LinkedHashMap<>();
        Map<String, List<String>> bad = new LinkedHashMap<>();
        good.put("project_id", List.of("sf-crime-stats-prod", "abcdef", "a1234567890123456789012345678z"));
        bad.put("project_id", List.of("SF-Crime", "abc", "1abcdef", "ends-with-", "a12345678901234567890123456789z"));
        good.put("landing_bucket_name", List.of("sfcs-prod-landing", "abc", "my_bucket_1"));
        bad.put("landing_bucket_name", List.of("ab", "UPPER", "-dash", "dash-", "has.dots", "x".repeat(64)));
        good.put("region", List.of("us-west1", "europe-west4", "asia-northeast1"));
        bad.put("region", List.of("US", "us-west", "us_west1"));
        good.put("schedule", List.of("30 11 * * *", "0 */6 * * 1-5", "15 12 * * MON"));
        bad.put("schedule", List.of("daily", "30 11 * *", "30 11 * * * *"));
        good.put("image", List.of("us-west1-docker.pkg.dev/p-123456/sfcs-prod-images/sf-crime-stats:v1.2.0",
                "us-west1-docker.pkg.dev/p-123456/r/sf-crime-stats@sha256:" + "a".repeat(64)));
        bad.put("image", List.of("sf-crime-stats", "us-west1-docker.pkg.dev/p/r/sf-crime-stats",
                "us-west1-docker.pkg.dev/p/r/img:"));
        good.put("github_repository", List.of("sf-crime-stats/sf-crime-stats", "a.b/c_d"));
        bad.put("github_repository", List.of("just-a-name", "a/b/c", "a b/c"));

        for (String folder : folders()) {
            Map<String, Block> variables = variables(folder);
            good.forEach((name, values) -> {
                Pattern pattern = validationPattern(variables.get(name), folder);
                values.forEach(value -> assertThat(pattern.matcher(value).matches())
                        .as("%s of %s accepts %s", name, folder, value).isTrue());
            });
            bad.forEach((name, values) -> {
                Pattern pattern = validationPattern(variables.get(name), folder);
                values.forEach(value -> assertThat(pattern.matcher(value).matches())
                        .as("%s of %s rejects %s", name, folder, value).isFalse());
            });
        }
    }

    @Test
    void theDatasetsAreTheOnesQuarryUsesForTheProdTarget() throws IOException {
        // quarry_project.yml's +schema values become <dataset>_<schema>; the sources' schema is used as it is.
        String project = Files.readString(ParsedTerraform.REPOSITORY.resolve("quarry_project.yml"),
                StandardCharsets.UTF_8);
        String sources = Files.readString(
                ParsedTerraform.REPOSITORY.resolve("models/staging/_sfpd__sources.yml"), StandardCharsets.UTF_8);
        Set<String> expected = new TreeSet<>();
        expected.add("${var.bq_dataset}");
        Matcher schema = Pattern.compile("(?m)^\\s*\\+schema:\\s*([A-Za-z0-9_]+)\\s*$").matcher(project);
        while (schema.find()) {
            expected.add("${var.bq_dataset}_" + schema.group(1));
        }
        Matcher sourceSchema = Pattern.compile("(?m)^    schema:\\s*([A-Za-z0-9_]+)\\s*$").matcher(sources);
        assertThat(sourceSchema.find()).as("the sfpd source's schema").isTrue();
        String raw = sourceSchema.group(1);

        Set<String> datasets = new TreeSet<>();
        for (Block dataset : ParsedTerraform.blocks(MODULE, "resource", "google_bigquery_dataset")) {
            String id = dataset.text("dataset_id");
            datasets.add(id.equals("${local.raw_dataset}") ? "raw:" + local("raw_dataset") : id);
            assertThat(dataset.text("location")).as(dataset.address()).isEqualTo("${var.location}");
            assertThat(dataset.text("delete_contents_on_destroy")).as(dataset.address()).isEqualTo("false");
        }
        expected.add("raw:" + raw);
        assertThat(datasets).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(expected).contains("${var.bq_dataset}_staging", "${var.bq_dataset}_core",
                "${var.bq_dataset}_marts", "${var.bq_dataset}_reference");
    }

    @Test
    void theJobRunsThePipelineWithItsEnvironment() {
        Block job = resource("google_cloud_run_v2_job", "pipeline");
        JsonNode task = job.nested("template").path("template").get(0);
        assertThat(task.path("service_account").asText()).isEqualTo("${google_service_account.transformer.email}");
        assertThat(task.path("max_retries").asText()).isEqualTo("${var.job_max_retries}");
        assertThat(task.path("timeout").asText()).isEqualTo("${var.job_timeout_seconds}s");
        JsonNode container = task.path("containers").get(0);
        List<String> args = new ArrayList<>();
        container.path("args").forEach(arg -> args.add(arg.asText()));
        assertThat(args).containsExactly("--log-format", "json", "pipeline", "--target", "prod", "--publish",
                "${local.site_uri}");
        assertThat(local("site_uri")).isEqualTo("gs://${google_storage_bucket.site.name}/site");
        assertThat(local("landing_uri")).isEqualTo("gs://${google_storage_bucket.landing.name}/landing");

        Map<String, String> env = new LinkedHashMap<>();
        Map<String, JsonNode> secretRefs = new LinkedHashMap<>();
        for (JsonNode variable : container.path("env")) {
            String name = variable.path("name").asText();
            if (variable.has("value_source")) {
                secretRefs.put(name, variable.path("value_source").get(0).path("secret_key_ref").get(0));
            } else {
                env.put(name, variable.path("value").asText());
            }
        }
        assertThat(env).containsExactlyInAnyOrderEntriesOf(Map.of(
                "QUARRY_TARGET", "prod",
                "GCP_PROJECT", "${var.project_id}",
                "BQ_LOCATION", "${var.location}",
                "BQ_DATASET", "${var.bq_dataset}",
                "SFPD_LANDING", "${local.landing_uri}",
                "SFPD_LOADER_SERVICE_ACCOUNT", "${google_service_account.loader.email}"));
        assertThat(secretRefs).containsOnlyKeys("SOCRATA_APP_TOKEN");
        assertThat(secretRefs.get("SOCRATA_APP_TOKEN").path("secret").asText())
                .isEqualTo("${google_secret_manager_secret.socrata_app_token.secret_id}");
        assertThat(container.path("resources").get(0).path("limits").path("memory").asText())
                .isEqualTo("${var.job_memory}");
    }

    @Test
    void theSchedulerStartsTheJobDailyAfterDataSfsUpdate() {
        Block scheduler = resource("google_cloud_scheduler_job", "pipeline_daily");
        JsonNode http = scheduler.nested("http_target");
        assertThat(http.path("http_method").asText()).isEqualTo("POST");
        assertThat(http.path("uri").asText()).isEqualTo("https://run.googleapis.com/v2/projects/${var.project_id}"
                + "/locations/${var.region}/jobs/${google_cloud_run_v2_job.pipeline.name}:run");
        JsonNode token = http.path("oauth_token").get(0);
        assertThat(token.path("service_account_email").asText())
                .isEqualTo("${google_service_account.scheduler.email}");
        assertThat(scheduler.text("schedule")).isEqualTo("${var.schedule}");
        assertThat(scheduler.text("time_zone")).isEqualTo("${var.time_zone}");
        Map<String, Block> variables = variables(MODULE);
        assertThat(variables.get("schedule").text("default")).isEqualTo("30 11 * * *");
        assertThat(variables.get("time_zone").text("default")).isEqualTo("America/Los_Angeles");
        assertThat(variables.get("job_max_retries").text("default")).isIn("0", "1");
    }

    @Test
    void theLandingBucketIsVersionedWithLifecycleRules() {
        Block landing = resource("google_storage_bucket", "landing");
        assertThat(landing.nested("versioning").path("enabled").asText()).isEqualTo("true");
        List<String> conditions = new ArrayList<>();
        landing.body().path("lifecycle_rule").forEach(rule -> rule.path("condition").get(0).fieldNames()
                .forEachRemaining(conditions::add));
        assertThat(conditions).contains("days_since_noncurrent_time", "num_newer_versions");
        // Live objects are the history: no rule may delete them by age.
        landing.body().path("lifecycle_rule").forEach(rule -> {
            JsonNode condition = rule.path("condition").get(0);
            if (rule.path("action").get(0).path("type").asText().equals("Delete")) {
                assertThat(condition.path("with_state").asText()).as("a Delete rule of the landing bucket")
                        .isEqualTo("ARCHIVED");
            }
        });
        Block site = resource("google_storage_bucket", "site");
        assertThat(site.nested("website").path("main_page_suffix").asText()).isEqualTo("index.html");
    }

    @Test
    void theApisAreEnabledAndLeftOnWhenDestroyed() {
        Block apis = resource("google_project_service", "apis");
        String services = apis.text("for_each");
        for (String api : List.of("run", "cloudscheduler", "bigquery", "storage", "secretmanager", "artifactregistry",
                "iam", "iamcredentials", "sts")) {
            assertThat(services).contains("\"" + api + ".googleapis.com\"");
        }
        assertThat(apis.text("disable_on_destroy")).isEqualTo("false");
    }

    @Test
    void eachEnvironmentCallsTheModuleWithAGcsBackendAndNoCommittedBucket() {
        for (String environment : ENVIRONMENTS) {
            String folder = "envs/" + environment + "/";
            List<Block> modules = ParsedTerraform.blocks(folder, "module", null);
            assertThat(modules).extracting(Block::name).as(folder).containsExactly("gcp");
            Block module = modules.get(0);
            assertThat(module.text("source")).isEqualTo("../../modules/gcp");
            assertThat(module.text("environment")).isEqualTo(environment);

            List<JsonNode> backends = new ArrayList<>();
            for (Map.Entry<String, JsonNode> file : ParsedTerraform.filesUnder(folder)) {
                file.getValue().path("terraform").forEach(block -> block.path("backend").path("gcs")
                        .forEach(backends::add));
            }
            assertThat(backends).as("backend \"gcs\" of %s", folder).hasSize(1);
            // The state bucket is given at `terraform init -backend-config=bucket=...`, never committed.
            assertThat(backends.get(0).has("bucket")).as(folder).isFalse();
            assertThat(backends.get(0).path("prefix").asText()).endsWith("/" + environment);

            // Every variable the module requires (no default) is passed by the environment.
            Set<String> passed = new TreeSet<>();
            module.body().fieldNames().forEachRemaining(passed::add);
            variables(MODULE).values().stream().filter(variable -> !variable.body().has("default"))
                    .forEach(variable -> assertThat(passed).as("%s passes %s", folder, variable.name())
                            .contains(variable.name()));
            // and every argument it passes is a variable of the module.
            passed.removeAll(Set.of("source", "version", "providers", "depends_on", "count", "for_each"));
            assertThat(variables(MODULE)).containsKeys(passed.toArray(String[]::new));
        }
    }

    @Test
    void theExamplesNameNoRealProjectAndCoverTheRequiredVariables() {
        for (String environment : ENVIRONMENTS) {
            String path = "envs/" + environment + "/terraform.tfvars.example";
            JsonNode example = ParsedTerraform.files().path(path);
            assertThat(example.isObject()).as(path).isTrue();
            assertThat(example.path("project_id").asText()).startsWith("your-");
            variables("envs/" + environment + "/").values().stream()
                    .filter(variable -> !variable.body().has("default"))
                    .forEach(variable -> assertThat(example.has(variable.name()))
                            .as("%s sets %s", path, variable.name()).isTrue());
        }
    }

    // ----------------------------------------------------------------------------------------------------------

    private static List<String> folders() {
        List<String> folders = new ArrayList<>();
        folders.add(MODULE);
        ENVIRONMENTS.forEach(environment -> folders.add("envs/" + environment + "/"));
        return folders;
    }

    private static Map<String, Block> variables(String folder) {
        Map<String, Block> variables = new LinkedHashMap<>();
        ParsedTerraform.blocks(folder, "variable", null).forEach(block -> variables.put(block.name(), block));
        return variables;
    }

    /** The pattern of a {@code can(regex("...", var.x))} validation, unescaped from HCL string syntax. */
    private static Pattern validationPattern(Block variable, String folder) {
        assertThat(variable).as("a variable of %s", folder).isNotNull();
        String condition = variable.nested("validation").path("condition").asText();
        Matcher regex = Pattern.compile("regex\\(\"((?:[^\"\\\\]|\\\\.)*)\",\\s*(?:trimspace\\()?var\\." + variable.name() + "\\)")
                .matcher(condition);
        assertThat(regex.find()).as("%s of %s validates with regex(...): %s", variable.name(), folder, condition)
                .isTrue();
        String hcl = regex.group(1);
        StringBuilder pattern = new StringBuilder();
        for (int i = 0; i < hcl.length(); i++) {
            char c = hcl.charAt(i);
            if (c == '\\' && i + 1 < hcl.length()) {
                char next = hcl.charAt(++i);
                pattern.append(switch (next) {
                    case 'n' -> "\n";
                    case 't' -> "\t";
                    default -> String.valueOf(next);
                });
            } else {
                pattern.append(c);
            }
        }
        return Pattern.compile(pattern.toString());
    }

    private static String local(String name) {
        for (Map.Entry<String, JsonNode> file : ParsedTerraform.filesUnder(MODULE)) {
            for (JsonNode locals : file.getValue().path("locals")) {
                if (locals.has(name)) {
                    return locals.path(name).asText();
                }
            }
        }
        throw new AssertionError("no local " + name + " in " + MODULE);
    }

    private static Block resource(String type, String name) {
        return ParsedTerraform.blocks(MODULE, "resource", type).stream()
                .filter(block -> block.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no resource " + type + "." + name + " in " + MODULE));
    }
}
