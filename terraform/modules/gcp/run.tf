# The daily pipeline: one task running `quarry pipeline` (ingest from DataSF as the loader, `source stage`, `build`,
# then the docs site and dashboard uploaded with --publish). The image's entrypoint is the Quarry CLI.
resource "google_cloud_run_v2_job" "pipeline" {
  project             = var.project_id
  name                = "${local.prefix}-pipeline"
  location            = var.region
  labels              = local.labels
  deletion_protection = var.deletion_protection

  template {
    # One task: the pipeline holds a lock and is not split into shards.
    task_count  = 1
    parallelism = 1

    template {
      service_account = google_service_account.transformer.email
      timeout         = "${var.job_timeout_seconds}s"
      max_retries     = var.job_max_retries

      containers {
        image = var.image
        # --log-format json first (a global option): one JSON object a line, which Cloud Logging parses into
        # structured entries with their severity.
        args = ["--log-format", "json", "pipeline", "--target", "prod", "--publish", local.site_uri]

        resources {
          limits = {
            cpu    = var.job_cpu
            memory = var.job_memory
          }
        }

        env {
          name  = "QUARRY_TARGET"
          value = "prod"
        }
        env {
          name  = "GCP_PROJECT"
          value = var.project_id
        }
        env {
          name  = "BQ_LOCATION"
          value = var.location
        }
        env {
          name  = "BQ_DATASET"
          value = var.bq_dataset
        }
        env {
          name  = "SFPD_LANDING"
          value = local.landing_uri
        }
        # The ingest step impersonates this account to write the landing bucket (the job's own account may only read it).
        env {
          name  = "SFPD_LOADER_SERVICE_ACCOUNT"
          value = google_service_account.loader.email
        }
        env {
          name = "SOCRATA_APP_TOKEN"
          value_source {
            secret_key_ref {
              secret  = google_secret_manager_secret.socrata_app_token.secret_id
              version = "latest"
            }
          }
        }
      }
    }
  }

  # The job's identity must be able to read the secret before Cloud Run accepts the reference.
  depends_on = [
    google_project_service.apis,
    google_secret_manager_secret_iam_member.transformer_socrata_token_accessor,
  ]
}
