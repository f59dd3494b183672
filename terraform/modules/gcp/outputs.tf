output "landing_bucket" {
  description = "The landing bucket's name."
  value       = google_storage_bucket.landing.name
}

output "landing_uri" {
  description = "SFPD_LANDING for this environment."
  value       = local.landing_uri
}

output "site_bucket" {
  description = "The site bucket's name."
  value       = google_storage_bucket.site.name
}

output "site_url" {
  description = "Where the published dashboard is read (publicly only with public_site = true; otherwise with a Google login that can read the bucket)."
  value       = var.public_site ? "https://storage.googleapis.com/${google_storage_bucket.site.name}/site/dashboard/index.html" : "https://storage.cloud.google.com/${google_storage_bucket.site.name}/site/dashboard/index.html"
}

output "datasets" {
  description = "The BigQuery datasets of the prod target."
  value = {
    target    = google_bigquery_dataset.target.dataset_id
    staging   = google_bigquery_dataset.staging.dataset_id
    core      = google_bigquery_dataset.core.dataset_id
    marts     = google_bigquery_dataset.marts.dataset_id
    reference = google_bigquery_dataset.reference.dataset_id
    raw       = google_bigquery_dataset.raw.dataset_id
  }
}

output "loader_service_account" {
  description = "The loader's email (SFPD_LOADER_SERVICE_ACCOUNT)."
  value       = google_service_account.loader.email
}

output "pipeline_service_account" {
  description = "The Cloud Run job's runtime identity."
  value       = google_service_account.transformer.email
}

output "scheduler_service_account" {
  description = "The account Cloud Scheduler starts the job as."
  value       = google_service_account.scheduler.email
}

output "deployer_service_account" {
  description = "The account GitHub Actions deploys as: the repository variable GCP_DEPLOYER_SERVICE_ACCOUNT."
  value       = google_service_account.deployer.email
}

output "workload_identity_provider" {
  description = "The full provider name: the repository variable GCP_WORKLOAD_IDENTITY_PROVIDER."
  value       = google_iam_workload_identity_pool_provider.github.name
}

output "job_name" {
  description = "The Cloud Run job (gcloud run jobs execute <this> --region <region>)."
  value       = google_cloud_run_v2_job.pipeline.name
}

output "scheduler_job_name" {
  description = "The Cloud Scheduler job that starts it daily."
  value       = google_cloud_scheduler_job.pipeline_daily.name
}

output "artifact_registry_repository" {
  description = "Where images are pushed: <this>/sf-crime-stats:<tag>."
  value       = "${var.region}-docker.pkg.dev/${var.project_id}/${google_artifact_registry_repository.images.repository_id}"
}

output "socrata_token_secret" {
  description = "The secret to add the Socrata app token to (gcloud secrets versions add)."
  value       = google_secret_manager_secret.socrata_app_token.secret_id
}
