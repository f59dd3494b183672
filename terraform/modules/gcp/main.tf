# SF Crime Stats on Google Cloud: the landing and site buckets, the BigQuery datasets, the service accounts with
# their least-privilege bindings (iam.tf; the list and its reasons are in docs/DEPLOYMENT.md, which the tests compare
# against this code), the pipeline's Cloud Run job and its daily Cloud Scheduler trigger, and the GitHub deployer.

locals {
  prefix = "${var.name_prefix}-${var.environment}"

  labels = merge(var.labels, {
    app         = "sf-crime-stats"
    environment = var.environment
  })

  # SFPD_LANDING: the loader lands under gs://<landing bucket>/landing/sfpd/..., and the sources' external tables
  # read the same prefix (models/staging/_sfpd__sources.yml).
  landing_uri = "gs://${google_storage_bucket.landing.name}/landing"
  # `quarry pipeline --publish` uploads the docs site and dashboard here.
  site_uri = "gs://${google_storage_bucket.site.name}/site"

  # The datasets Quarry's prod target uses (checked by compiling the project for prod): custom schemas become
  # <dataset>_<schema> (quarry_project.yml: staging, core, marts; seeds: reference), the target's own dataset holds
  # anything without a custom schema, and the sources' external tables live in the dataset named by the source's
  # `schema: raw`, unprefixed.
  raw_dataset = "raw"
}

# The APIs the deployment uses. disable_on_destroy = false: turning an API off on destroy would break anything else
# in the project that uses it.
resource "google_project_service" "apis" {
  for_each = toset([
    "artifactregistry.googleapis.com",    # the pipeline's image
    "bigquery.googleapis.com",            # the warehouse
    "cloudresourcemanager.googleapis.com", # project IAM bindings from Terraform
    "cloudscheduler.googleapis.com",      # the daily trigger
    "iam.googleapis.com",                 # service accounts, Workload Identity Federation
    "iamcredentials.googleapis.com",      # impersonation: the pipeline acts as the loader; GitHub acts as the deployer
    "logging.googleapis.com",             # the job's JSON logs
    "run.googleapis.com",                 # the Cloud Run job
    "secretmanager.googleapis.com",       # the Socrata app token
    "serviceusage.googleapis.com",        # enabling these
    "storage.googleapis.com",             # landing and site buckets
    "sts.googleapis.com",                 # Workload Identity Federation's token exchange
  ])

  project            = var.project_id
  service            = each.value
  disable_on_destroy = false
}
