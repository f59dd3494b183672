# Workload Identity Federation for GitHub Actions: the deploy workflow exchanges its OIDC token for the deployer's
# credentials, so no service account key exists anywhere.
resource "google_iam_workload_identity_pool" "github" {
  project                   = var.project_id
  workload_identity_pool_id = "${local.prefix}-github"
  display_name              = "GitHub Actions (${var.environment})"
  description               = "GitHub Actions of ${var.github_repository}."
  depends_on                = [google_project_service.apis]
}

resource "google_iam_workload_identity_pool_provider" "github" {
  project                            = var.project_id
  workload_identity_pool_id          = google_iam_workload_identity_pool.github.workload_identity_pool_id
  workload_identity_pool_provider_id = "github"
  display_name                       = "GitHub OIDC"

  attribute_mapping = {
    "google.subject"         = "assertion.sub"
    "attribute.repository"   = "assertion.repository"
    "attribute.ref"          = "assertion.ref"
    "attribute.environment"  = "assertion.environment"
  }

  # Only tokens of this repository, from a job that runs in this environment's GitHub environment (deploy.yml sets
  # `environment:`), are accepted: another repository, or a workflow without the environment and its protection
  # rules, gets nothing.
  attribute_condition = "assertion.repository == '${var.github_repository}' && assertion.environment == '${var.environment}'"

  oidc {
    issuer_uri = "https://token.actions.githubusercontent.com"
  }
}
