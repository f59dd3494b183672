package dev.sfcrimestats.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.sfcrimestats.deploy.DocumentedBindings.Binding;
import dev.sfcrimestats.deploy.DocumentedBindings.Row;
import dev.sfcrimestats.deploy.ParsedTerraform.Block;

/**
 * The deployment's IAM, read from the Terraform as HCL, against the least-privilege table in docs/DEPLOYMENT.md:
 * the same bindings (principal, role, resource), no more and no fewer; nothing broad for the accounts that run the
 * pipeline; nothing public unless {@code public_site} asks; no project id in the code.
 */
class TerraformIamTest {

    private static final String MODULE = "modules/gcp/";

    /** The accounts the pipeline runs as or through: they never hold an owner, editor or admin role. */
    private static final Set<String> RUNTIME_PRINCIPALS = Set.of("loader", "transformer", "scheduler");

    /** Principals that are not service accounts of the module. */
    private static final Set<String> OTHER_PRINCIPALS = Set.of("github", "allUsers");

    /** Any resource that grants: _iam_member, _iam_binding, _iam_policy, _iam_audit_config of any service. */
    private static final Pattern IAM_RESOURCE = Pattern.compile("_iam_(member|binding|policy|audit_config)$");

    private static final Pattern SERVICE_ACCOUNT_MEMBER =
            Pattern.compile("serviceAccount:\\$\\{google_service_account\\.([a-z_]+)\\.email}");
    private static final String GITHUB_MEMBER = "principalSet://iam.googleapis.com/"
            + "${google_iam_workload_identity_pool.github.name}/attribute.repository/${var.github_repository}";

    /**
     * The IAM resource kinds the module may use, and the attribute naming the resource each binds on with the
     * reference it must hold: only additive *_iam_member resources (authoritative _binding and _policy resources
     * would remove grants made outside Terraform, including Google's service agents').
     */
    private static final Map<String, ResourceRef> IAM_KINDS = Map.of(
            "google_project_iam_member", new ResourceRef("project", Pattern.compile("\\$\\{var\\.project_id}"), null),
            "google_storage_bucket_iam_member", new ResourceRef("bucket",
                    Pattern.compile("\\$\\{google_storage_bucket\\.([a-z_]+)\\.name}"), "google_storage_bucket"),
            "google_bigquery_dataset_iam_member", new ResourceRef("dataset_id",
                    Pattern.compile("\\$\\{google_bigquery_dataset\\.([a-z_]+)\\.dataset_id}"), "google_bigquery_dataset"),
            "google_secret_manager_secret_iam_member", new ResourceRef("secret_id",
                    Pattern.compile("\\$\\{google_secret_manager_secret\\.([a-z_]+)\\.secret_id}"),
                    "google_secret_manager_secret"),
            "google_service_account_iam_member", new ResourceRef("service_account_id",
                    Pattern.compile("\\$\\{google_service_account\\.([a-z_]+)\\.name}"), "google_service_account"),
            "google_cloud_run_v2_job_iam_member", new ResourceRef("name",
                    Pattern.compile("\\$\\{google_cloud_run_v2_job\\.([a-z_]+)\\.name}"), "google_cloud_run_v2_job"));

    private record ResourceRef(String attribute, Pattern reference, String resourceType) {
    }

    /** A binding found in the Terraform, with where it is. */
    private record Found(Binding binding, Block block) {
    }

    @Test
    void theBindingsAreExactlyTheDocumentedOnes() {
        List<Binding> documented = DocumentedBindings.rows().stream().map(Row::binding).toList();
        List<Binding> inTerraform = terraformBindings().stream().map(Found::binding).toList();

        assertThat(documented).as("the table in docs/DEPLOYMENT.md lists a binding twice").doesNotHaveDuplicates();
        assertThat(inTerraform).as("the Terraform makes a binding twice").doesNotHaveDuplicates();
        assertThat(inTerraform)
                .as("the Terraform's IAM bindings (principal | role | resource) against docs/DEPLOYMENT.md's table")
                .containsExactlyInAnyOrderElementsOf(documented);
    }

    @Test
    void everyDocumentedBindingSaysWhy() {
        List<Row> rows = DocumentedBindings.rows();
        assertThat(rows).as("the least-privilege table").isNotEmpty();
        for (Row row : rows) {
            assertThat(row.why()).as("the reason for %s (docs/DEPLOYMENT.md:%d)", row.binding(), row.line())
                    .hasSizeGreaterThan(30);
        }
    }

    @Test
    void thePipelineAccountsHoldNoOwnerEditorOrAdminRole() {
        for (Found found : terraformBindings()) {
            String role = found.binding().role();
            String principal = found.binding().principal();
            assertThat(role).as("%s grants a basic role", found.block().address())
                    .isNotIn("roles/owner", "roles/editor", "roles/viewer");
            if (RUNTIME_PRINCIPALS.contains(principal) || OTHER_PRINCIPALS.contains(principal)) {
                assertThat(isAdmin(role)).as("%s grants %s to %s, which runs the pipeline or is not ours",
                        found.block().address(), role, principal).isFalse();
            }
        }
    }

    @Test
    void thePipelineAccountsAreBoundOnResourcesExceptForRunningBigQueryJobs() {
        // GCP grants bigquery.jobs.create only on a project; everything else the pipeline does has a resource.
        for (Found found : terraformBindings()) {
            Binding binding = found.binding();
            if (RUNTIME_PRINCIPALS.contains(binding.principal()) && binding.resource().equals("project")) {
                assertThat(binding).as(found.block().address())
                        .isEqualTo(new Binding("transformer", "roles/bigquery.jobUser", "project"));
            }
        }
    }

    @Test
    void nothingIsPublicUnlessPublicSiteAsks() {
        for (Block block : ParsedTerraform.resources("")) {
            for (String member : new JsonMembers(block).all()) {
                // Any Google account is as public as anyone: never.
                assertThat(member).as(block.address()).isNotEqualTo("allAuthenticatedUsers");
                if (member.equals("allUsers")) {
                    assertThat(block.type()).as(block.address()).isEqualTo("google_storage_bucket_iam_member");
                    assertThat(block.text("bucket")).as("%s: only the site bucket may be public", block.address())
                            .isEqualTo("${google_storage_bucket.site.name}");
                    assertThat(block.text("role")).as(block.address()).isEqualTo("roles/storage.objectViewer");
                    assertThat(block.text("count")).as("%s must exist only when public_site is true", block.address())
                            .isEqualTo("${var.public_site ? 1 : 0}");
                }
            }
        }
    }

    @Test
    void theLandingBucketIsNeverPublicAndTheSiteOnlyWhenAsked() {
        Block landing = resource("google_storage_bucket", "landing");
        Block site = resource("google_storage_bucket", "site");
        assertThat(landing.text("public_access_prevention")).isEqualTo("enforced");
        assertThat(site.text("public_access_prevention")).isEqualTo("${var.public_site ? \"inherited\" : \"enforced\"}");
        assertThat(landing.text("uniform_bucket_level_access")).isEqualTo("true");
        assertThat(site.text("uniform_bucket_level_access")).isEqualTo("true");
        // Object ACLs would be a way around the bucket's IAM; with uniform access there are none, and no resource
        // may set one.
        assertThat(ParsedTerraform.resources("")).extracting(Block::type)
                .noneMatch(type -> type.endsWith("_acl") || type.endsWith("_access_control"));
    }

    @Test
    void datasetsGrantNothingOutsideTheIamResources() {
        // An access block on a dataset would be a second, untested list of grants (and fights the _iam_member ones).
        for (Block dataset : ParsedTerraform.blocks(MODULE, "resource", "google_bigquery_dataset")) {
            assertThat(dataset.body().has("access")).as(dataset.address()).isFalse();
        }
    }

    @Test
    void theGithubProviderOnlyTrustsTheRepository() {
        Block provider = resource("google_iam_workload_identity_pool_provider", "github");
        assertThat(provider.text("attribute_condition"))
                .contains("assertion.repository == '${var.github_repository}'")
                .contains("assertion.environment == '${var.environment}'");
        assertThat(provider.body().path("attribute_mapping").path("attribute.repository").asText())
                .isEqualTo("assertion.repository");
        assertThat(provider.nested("oidc").path("issuer_uri").asText())
                .isEqualTo("https://token.actions.githubusercontent.com");
    }

    @Test
    void theDeployersProjectIamAdminIsLimitedToTheJobUserRole() {
        Block binding = resource("google_project_iam_member", "deployer_project_iam_admin");
        assertThat(binding.text("role")).isEqualTo("roles/resourcemanager.projectIamAdmin");
        assertThat(binding.nested("condition").path("expression").asText())
                .isEqualTo("api.getAttribute('iam.googleapis.com/modifiedGrantsByRole', [])"
                        + ".hasOnly(['roles/bigquery.jobUser'])");
    }

    @Test
    void noSecretValueIsInTheCode() {
        // The token's value is added with gcloud; a secret version resource would put it in the state.
        assertThat(ParsedTerraform.resources("")).extracting(Block::type)
                .doesNotContain("google_secret_manager_secret_version", "google_service_account_key");
    }

    @Test
    void noProjectIdIsHardCoded() {
        Pattern literalProject = Pattern.compile("projects/(?!\\$\\{)[a-z][a-z0-9-]{4,28}[a-z0-9]");
        for (Map.Entry<String, com.fasterxml.jackson.databind.JsonNode> file : ParsedTerraform.filesUnder("")) {
            if (file.getKey().endsWith(".example")) {
                continue;
            }
            List<String> strings = new ArrayList<>();
            collectStrings(file.getValue(), strings);
            for (String value : strings) {
                assertThat(literalProject.matcher(value).find())
                        .as("%s names a project literally: %s", file.getKey(), value).isFalse();
            }
        }
        // Every project argument (resources, providers) is the variable, in the module and in the environments.
        for (Block block : ParsedTerraform.resources("")) {
            if (block.body().has("project")) {
                assertThat(block.text("project")).as(block.address()).isEqualTo("${var.project_id}");
            }
        }
        for (Map.Entry<String, com.fasterxml.jackson.databind.JsonNode> file : ParsedTerraform.filesUnder("envs/")) {
            for (com.fasterxml.jackson.databind.JsonNode provider : file.getValue().path("provider").path("google")) {
                assertThat(provider.path("project").asText()).as(file.getKey()).isEqualTo("${var.project_id}");
            }
            for (com.fasterxml.jackson.databind.JsonNode module : file.getValue().path("module").path("gcp")) {
                assertThat(module.path("project_id").asText()).as(file.getKey()).isEqualTo("${var.project_id}");
            }
        }
        // No variable defaults to a project id.
        for (Block variable : ParsedTerraform.blocks("", "variable", null)) {
            if (variable.name().equals("project_id")) {
                assertThat(variable.body().has("default")).as("%s in %s", variable.name(), variable.file()).isFalse();
            }
        }
    }

    // ----------------------------------------------------------------------------------------------------------

    /** Every IAM binding of the module, as (principal, role, Terraform resource); fails on anything unrecognized. */
    private static List<Found> terraformBindings() {
        List<Found> found = new ArrayList<>();
        for (Block block : ParsedTerraform.resources("")) {
            if (!IAM_RESOURCE.matcher(block.type()).find()) {
                continue;
            }
            if (!block.file().startsWith(MODULE)) {
                fail("%s in %s: IAM belongs in the module (%s), where the tests see it", block.address(),
                        block.file(), MODULE);
            }
            ResourceRef kind = IAM_KINDS.get(block.type());
            if (kind == null) {
                fail("%s (%s): %s is not an IAM resource kind this deployment uses; authoritative _binding and"
                        + " _policy resources are not allowed", block.address(), block.file(), block.type());
            }
            assertThat(block.body().has("members")).as(block.address()).isFalse();
            String role = block.text("role");
            assertThat(role).as("%s has a literal role", block.address()).isNotNull().startsWith("roles/");
            found.add(new Found(new Binding(principal(block), role, resource(block, kind)), block));
        }
        assertThat(found).as("IAM bindings in the module").isNotEmpty();
        return found;
    }

    private static String principal(Block block) {
        String member = block.text("member");
        if (member == null) {
            fail("%s has no member", block.address());
        }
        Matcher serviceAccount = SERVICE_ACCOUNT_MEMBER.matcher(member);
        if (serviceAccount.matches()) {
            String name = serviceAccount.group(1);
            assertThat(ParsedTerraform.blocks(MODULE, "resource", "google_service_account"))
                    .extracting(Block::name).as("%s: the account it names", block.address()).contains(name);
            return name;
        }
        if (member.equals(GITHUB_MEMBER)) {
            return "github";
        }
        if (member.equals("allUsers")) {
            return "allUsers";
        }
        return fail("%s: member %s is none of the module's service accounts, the GitHub repository's principal set"
                + " or allUsers", block.address(), member);
    }

    private static String resource(Block block, ResourceRef kind) {
        String value = block.text(kind.attribute());
        if (value == null) {
            fail("%s has no %s", block.address(), kind.attribute());
        }
        Matcher reference = kind.reference().matcher(value);
        if (!reference.matches()) {
            fail("%s: %s = %s, expected a reference to a %s of the module", block.address(), kind.attribute(), value,
                    kind.resourceType() == null ? "var.project_id" : kind.resourceType());
        }
        if (kind.resourceType() == null) {
            return "project";
        }
        String address = kind.resourceType() + "." + reference.group(1);
        resource(kind.resourceType(), reference.group(1)); // it exists
        return address;
    }

    private static Block resource(String type, String name) {
        return ParsedTerraform.blocks(MODULE, "resource", type).stream()
                .filter(block -> block.name().equals(name)).findFirst()
                .orElseGet(() -> fail("no resource %s.%s in %s", type, name, MODULE));
    }

    /** owner-like roles: roles/storage.admin, roles/storage.objectAdmin, roles/iam.serviceAccountAdmin, ... */
    static boolean isAdmin(String role) {
        String name = role.substring(role.lastIndexOf('.') + 1);
        return name.toLowerCase(java.util.Locale.ROOT).endsWith("admin") || role.equals("roles/owner")
                || role.equals("roles/editor");
    }

    private static void collectStrings(com.fasterxml.jackson.databind.JsonNode node, List<String> into) {
        if (node.isTextual()) {
            into.add(node.asText());
        } else {
            node.elements().forEachRemaining(child -> collectStrings(child, into));
        }
    }

    /** The member or members of an IAM resource. */
    private record JsonMembers(Block block) {
        List<String> all() {
            List<String> result = new ArrayList<>();
            if (block.body().has("member")) {
                result.add(block.text("member"));
            }
            block.body().path("members").forEach(member -> result.add(member.asText()));
            return result;
        }
    }

    @Test
    void isAdminKnowsTheAdminRoles() {
        // The check above is only as good as this: objectAdmin and serviceAccountAdmin are admin roles too.
        Map<String, Boolean> roles = new LinkedHashMap<>();
        roles.put("roles/storage.admin", true);
        roles.put("roles/storage.objectAdmin", true);
        roles.put("roles/iam.serviceAccountAdmin", true);
        roles.put("roles/owner", true);
        roles.put("roles/storage.objectUser", false);
        roles.put("roles/bigquery.dataEditor", false);
        roles.put("roles/run.invoker", false);
        roles.forEach((role, admin) -> assertThat(isAdmin(role)).as(role).isEqualTo(admin));
    }
}
