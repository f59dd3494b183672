# The Socrata app token (optional for DataSF, but without it requests share a throttled pool). Only the secret is
# defined here: its value is added with `gcloud secrets versions add` (docs/DEPLOYMENT.md), so it never appears in
# code, plans or state.
resource "google_secret_manager_secret" "socrata_app_token" {
  project   = var.project_id
  secret_id = "${local.prefix}-socrata-app-token"
  labels    = local.labels

  replication {
    auto {}
  }

  depends_on = [google_project_service.apis]
}
