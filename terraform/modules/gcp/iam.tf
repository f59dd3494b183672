# Service accounts and every IAM binding of the deployment. Least privilege: each binding is on the narrowest
# resource GCP offers for it (a bucket, a dataset, a secret, a service account, the job), project-level only where
# nothing narrower exists. The same list, with the same reasons, is the table in docs/DEPLOYMENT.md;
# dev.sfcrimestats.deploy.TerraformIamTest fails when the two differ.

resource "google_service_account" "loader" {
  project      = var.project_id
  account_id   = "${local.prefix}-loader"
  display_name = "SF Crime Stats loader (${var.environment})"
  description  = "Writes the DataSF landing zone. Never runs anything itself: the pipeline impersonates it for the ingest step."
  depends_on   = [google_project_service.apis]
}

resource "google_service_account" "transformer" {
  project      = var.project_id
  account_id   = "${local.prefix}-pipeline"
  display_name = "SF Crime Stats pipeline (${var.environment})"
  description  = "The Cloud Run job's identity: stages the sources, builds the BigQuery models, publishes the site."
  depends_on   = [google_project_service.apis]
}

resource "google_service_account" "scheduler" {
  project      = var.project_id
  account_id   = "${local.prefix}-scheduler"
  display_name = "SF Crime Stats scheduler (${var.environment})"
  description  = "Cloud Scheduler's identity when it starts the pipeline job."
  depends_on   = [google_project_service.apis]
}

resource "google_service_account" "deployer" {
  project      = var.project_id
  account_id   = "${local.prefix}-deployer"
  display_name = "SF Crime Stats deployer (${var.environment})"
  description  = "GitHub Actions (through Workload Identity Federation): pushes the image and applies this Terraform."
  depends_on   = [google_project_service.apis]
}

# ---------------------------------------------------------------------------------------------------------------
# loader

# The loader creates Parquet parts, manifests and _state.json, reads _state.json back, lists the parts of a batch
# to delete the ones it stored but did not note, removes old batches on --full-refresh, overwrites _state.json
# (an overwrite is a delete) and checks it can write by creating and deleting a probe object. objectCreator cannot
# read, list or delete; objectUser is the narrowest predefined role with create/get/list/delete, and unlike
# objectAdmin it cannot change object IAM. On the landing bucket only.
resource "google_storage_bucket_iam_member" "loader_landing_object_user" {
  bucket = google_storage_bucket.landing.name
  role   = "roles/storage.objectUser"
  member = "serviceAccount:${google_service_account.loader.email}"
}

# ---------------------------------------------------------------------------------------------------------------
# transformer (the Cloud Run job's runtime identity)

# Running a query, load or DDL job is a project permission (bigquery.jobs.create): GCP has no narrower place to
# grant it. It reads nothing by itself; data access comes from the dataset bindings below.
resource "google_project_iam_member" "transformer_bigquery_job_user" {
  project = var.project_id
  role    = "roles/bigquery.jobUser"
  member  = "serviceAccount:${google_service_account.transformer.email}"
}

# The datasets the build writes: tables, views, incremental merges and the seeds' tables. dataEditor (not
# dataOwner): no dataset IAM, no dataset deletion.
resource "google_bigquery_dataset_iam_member" "transformer_target_editor" {
  project    = var.project_id
  dataset_id = google_bigquery_dataset.target.dataset_id
  role       = "roles/bigquery.dataEditor"
  member     = "serviceAccount:${google_service_account.transformer.email}"
}

resource "google_bigquery_dataset_iam_member" "transformer_staging_editor" {
  project    = var.project_id
  dataset_id = google_bigquery_dataset.staging.dataset_id
  role       = "roles/bigquery.dataEditor"
  member     = "serviceAccount:${google_service_account.transformer.email}"
}

resource "google_bigquery_dataset_iam_member" "transformer_core_editor" {
  project    = var.project_id
  dataset_id = google_bigquery_dataset.core.dataset_id
  role       = "roles/bigquery.dataEditor"
  member     = "serviceAccount:${google_service_account.transformer.email}"
}

resource "google_bigquery_dataset_iam_member" "transformer_marts_editor" {
  project    = var.project_id
  dataset_id = google_bigquery_dataset.marts.dataset_id
  role       = "roles/bigquery.dataEditor"
  member     = "serviceAccount:${google_service_account.transformer.email}"
}

resource "google_bigquery_dataset_iam_member" "transformer_reference_editor" {
  project    = var.project_id
  dataset_id = google_bigquery_dataset.reference.dataset_id
  role       = "roles/bigquery.dataEditor"
  member     = "serviceAccount:${google_service_account.transformer.email}"
}

# `quarry source stage` creates and replaces the external tables in raw, which needs bigquery.tables.create and
# update there; reading them (dataViewer) is part of dataEditor, so no separate viewer binding.
resource "google_bigquery_dataset_iam_member" "transformer_raw_editor" {
  project    = var.project_id
  dataset_id = google_bigquery_dataset.raw.dataset_id
  role       = "roles/bigquery.dataEditor"
  member     = "serviceAccount:${google_service_account.transformer.email}"
}

# External tables read the landing Parquet with the querying account's credentials, and `source freshness` lists
# the landing: read and list, no write (the ingest writes as the loader).
resource "google_storage_bucket_iam_member" "transformer_landing_object_viewer" {
  bucket = google_storage_bucket.landing.name
  role   = "roles/storage.objectViewer"
  member = "serviceAccount:${google_service_account.transformer.email}"
}

# --publish uploads the site and removes files an older site had: create, overwrite, list and delete objects of the
# site bucket only. objectUser rather than objectAdmin: no object IAM.
resource "google_storage_bucket_iam_member" "transformer_site_object_user" {
  bucket = google_storage_bucket.site.name
  role   = "roles/storage.objectUser"
  member = "serviceAccount:${google_service_account.transformer.email}"
}

# Cloud Run resolves SOCRATA_APP_TOKEN from Secret Manager as the job's identity: access to this one secret.
resource "google_secret_manager_secret_iam_member" "transformer_socrata_token_accessor" {
  project   = var.project_id
  secret_id = google_secret_manager_secret.socrata_app_token.secret_id
  role      = "roles/secretmanager.secretAccessor"
  member    = "serviceAccount:${google_service_account.transformer.email}"
}

# The ingest step impersonates the loader (SFPD_LOADER_SERVICE_ACCOUNT) so that only the loader's short-lived token
# can write the landing zone. Token creation on the loader account only, not on the project's accounts.
resource "google_service_account_iam_member" "transformer_impersonates_loader" {
  service_account_id = google_service_account.loader.name
  role               = "roles/iam.serviceAccountTokenCreator"
  member             = "serviceAccount:${google_service_account.transformer.email}"
}

# ---------------------------------------------------------------------------------------------------------------
# scheduler

# Cloud Scheduler calls the Cloud Run Admin API's jobs.run with this account's token. run.invoker carries
# run.jobs.run (executing a job without overrides) and is granted on the job itself, so this account can start
# this job and nothing else.
resource "google_cloud_run_v2_job_iam_member" "scheduler_invokes_pipeline" {
  project  = var.project_id
  location = google_cloud_run_v2_job.pipeline.location
  name     = google_cloud_run_v2_job.pipeline.name
  role     = "roles/run.invoker"
  member   = "serviceAccount:${google_service_account.scheduler.email}"
}

# ---------------------------------------------------------------------------------------------------------------
# deployer (GitHub Actions). It applies this Terraform, so it needs to create and configure each kind of resource
# here; creation is a project permission for all of them. Owner and editor are not granted.

# google_project_service: enabling the APIs above.
resource "google_project_iam_member" "deployer_service_usage_admin" {
  project = var.project_id
  role    = "roles/serviceusage.serviceUsageAdmin"
  member  = "serviceAccount:${google_service_account.deployer.email}"
}

# Creating and configuring the buckets (lifecycle, website, bucket IAM), and reading and writing the Terraform
# state in the state bucket.
resource "google_project_iam_member" "deployer_storage_admin" {
  project = var.project_id
  role    = "roles/storage.admin"
  member  = "serviceAccount:${google_service_account.deployer.email}"
}

# Creating the datasets and setting dataset IAM; dataOwner rather than bigquery.admin: no access to other users'
# jobs or to reservations.
resource "google_project_iam_member" "deployer_bigquery_data_owner" {
  project = var.project_id
  role    = "roles/bigquery.dataOwner"
  member  = "serviceAccount:${google_service_account.deployer.email}"
}

# Creating the service accounts and setting IAM on them (token creator on the loader, workload identity user on
# the deployer).
resource "google_project_iam_member" "deployer_service_account_admin" {
  project = var.project_id
  role    = "roles/iam.serviceAccountAdmin"
  member  = "serviceAccount:${google_service_account.deployer.email}"
}

# The GitHub workload identity pool and provider.
resource "google_project_iam_member" "deployer_workload_identity_pool_admin" {
  project = var.project_id
  role    = "roles/iam.workloadIdentityPoolAdmin"
  member  = "serviceAccount:${google_service_account.deployer.email}"
}

# Creating and updating the job (a new image on every deploy) and setting IAM on it (the scheduler's invoker
# binding): run.developer cannot set job IAM.
resource "google_project_iam_member" "deployer_run_admin" {
  project = var.project_id
  role    = "roles/run.admin"
  member  = "serviceAccount:${google_service_account.deployer.email}"
}

# The Cloud Scheduler job (creatable only at project level).
resource "google_project_iam_member" "deployer_scheduler_admin" {
  project = var.project_id
  role    = "roles/cloudscheduler.admin"
  member  = "serviceAccount:${google_service_account.deployer.email}"
}

# The Socrata token's secret and its IAM binding (secret IAM is only in secretmanager.admin). The token's value is
# added by a person with gcloud, never by Terraform.
resource "google_project_iam_member" "deployer_secret_manager_admin" {
  project = var.project_id
  role    = "roles/secretmanager.admin"
  member  = "serviceAccount:${google_service_account.deployer.email}"
}

# Creating the Docker repository and pushing the image to it.
resource "google_project_iam_member" "deployer_artifact_registry_admin" {
  project = var.project_id
  role    = "roles/artifactregistry.admin"
  member  = "serviceAccount:${google_service_account.deployer.email}"
}

# The one project-level binding this Terraform makes for another account is the transformer's bigquery.jobUser.
# The condition lets the deployer grant or revoke only that role at project level, so it cannot give itself or
# anyone else owner; its own project roles are changed by a person (docs/DEPLOYMENT.md, bootstrap).
resource "google_project_iam_member" "deployer_project_iam_admin" {
  project = var.project_id
  role    = "roles/resourcemanager.projectIamAdmin"
  member  = "serviceAccount:${google_service_account.deployer.email}"

  condition {
    title       = "only-bigquery-job-user"
    description = "May only grant or revoke roles/bigquery.jobUser at project level."
    expression  = "api.getAttribute('iam.googleapis.com/modifiedGrantsByRole', []).hasOnly(['roles/bigquery.jobUser'])"
  }
}

# Deploying the job to run as the transformer needs iam.serviceAccounts.actAs on it; on that account only.
resource "google_service_account_iam_member" "deployer_acts_as_transformer" {
  service_account_id = google_service_account.transformer.name
  role               = "roles/iam.serviceAccountUser"
  member             = "serviceAccount:${google_service_account.deployer.email}"
}

# Creating the scheduler job with the scheduler account's OAuth token needs actAs on that account; on it only.
resource "google_service_account_iam_member" "deployer_acts_as_scheduler" {
  service_account_id = google_service_account.scheduler.name
  role               = "roles/iam.serviceAccountUser"
  member             = "serviceAccount:${google_service_account.deployer.email}"
}

# ---------------------------------------------------------------------------------------------------------------
# GitHub Actions of the one repository (Workload Identity Federation): may impersonate the deployer and nothing
# else. The provider refuses tokens of other repositories and other environments (wif.tf).
resource "google_service_account_iam_member" "github_impersonates_deployer" {
  service_account_id = google_service_account.deployer.name
  role               = "roles/iam.workloadIdentityUser"
  member             = "principalSet://iam.googleapis.com/${google_iam_workload_identity_pool.github.name}/attribute.repository/${var.github_repository}"
}

# ---------------------------------------------------------------------------------------------------------------
# public readers, only when public_site asks for it

# Anyone may read the published site. Only with public_site = true; the bucket then stops enforcing public access
# prevention (storage.tf). The landing bucket is never public.
resource "google_storage_bucket_iam_member" "public_site_object_viewer" {
  count  = var.public_site ? 1 : 0
  bucket = google_storage_bucket.site.name
  role   = "roles/storage.objectViewer"
  member = "allUsers"
}
