# The datasets of the prod target, created here so the pipeline's service account needs no project-wide
# bigquery.datasets.create: Quarry looks a dataset up before creating it and leaves an existing one alone.
# delete_contents_on_destroy = false: destroying the stack must not drop the warehouse with it.

resource "google_bigquery_dataset" "target" {
  project                    = var.project_id
  dataset_id                 = var.bq_dataset
  location                   = var.location
  description                = "SF Crime Stats: the prod target's own dataset (relations without a custom schema)."
  labels                     = local.labels
  delete_contents_on_destroy = false
  depends_on                 = [google_project_service.apis]
}

resource "google_bigquery_dataset" "staging" {
  project                    = var.project_id
  dataset_id                 = "${var.bq_dataset}_staging"
  location                   = var.location
  description                = "SF Crime Stats: staging models (the newest version of each report row)."
  labels                     = local.labels
  delete_contents_on_destroy = false
  depends_on                 = [google_project_service.apis]
}

resource "google_bigquery_dataset" "core" {
  project                    = var.project_id
  dataset_id                 = "${var.bq_dataset}_core"
  location                   = var.location
  description                = "SF Crime Stats: the star schema (fact and dimensions)."
  labels                     = local.labels
  delete_contents_on_destroy = false
  depends_on                 = [google_project_service.apis]
}

resource "google_bigquery_dataset" "marts" {
  project                    = var.project_id
  dataset_id                 = "${var.bq_dataset}_marts"
  location                   = var.location
  description                = "SF Crime Stats: the marts the dashboard reads."
  labels                     = local.labels
  delete_contents_on_destroy = false
  depends_on                 = [google_project_service.apis]
}

resource "google_bigquery_dataset" "reference" {
  project                    = var.project_id
  dataset_id                 = "${var.bq_dataset}_reference"
  location                   = var.location
  description                = "SF Crime Stats: the seeds (reference data)."
  labels                     = local.labels
  delete_contents_on_destroy = false
  depends_on                 = [google_project_service.apis]
}

resource "google_bigquery_dataset" "raw" {
  project                    = var.project_id
  dataset_id                 = local.raw_dataset
  location                   = var.location
  description                = "SF Crime Stats: external tables over the landing Parquet, made by `quarry source stage`."
  labels                     = local.labels
  delete_contents_on_destroy = false
  depends_on                 = [google_project_service.apis]
}
