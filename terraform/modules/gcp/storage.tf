# The landing bucket: `quarry ingest` writes typed Parquet, batch manifests and its _state.json here; BigQuery
# reads the Parquet through external tables. Private, always.
resource "google_storage_bucket" "landing" {
  project  = var.project_id
  name     = var.landing_bucket_name
  location = var.location
  labels   = local.labels

  uniform_bucket_level_access = true
  public_access_prevention    = "enforced"
  force_destroy               = !var.deletion_protection

  # Versioning keeps what a --full-refresh removes or a state file overwrite replaces for a while, so a bad load can
  # be undone; the lifecycle rules below bound what that costs.
  versioning {
    enabled = true
  }

  # Replaced or deleted objects go after landing_noncurrent_version_days.
  lifecycle_rule {
    condition {
      days_since_noncurrent_time = var.landing_noncurrent_version_days
      with_state                 = "ARCHIVED"
    }
    action {
      type = "Delete"
    }
  }

  # _state.json is rewritten after every page of a load: keep only the last few versions of any one object.
  lifecycle_rule {
    condition {
      num_newer_versions = var.landing_noncurrent_versions_kept
      with_state         = "ARCHIVED"
    }
    action {
      type = "Delete"
    }
  }

  # An upload cut off half-way leaves parts that are billed but belong to no object.
  lifecycle_rule {
    condition {
      age = 1
    }
    action {
      type = "AbortIncompleteMultipartUpload"
    }
  }

  # Live objects never expire: the landed batches are the history the incremental models are rebuilt from.

  depends_on = [google_project_service.apis]
}

# The site bucket: the docs site and the dashboard, published by the pipeline under site/. Readable by anyone only
# when public_site is true (iam.tf); otherwise public access prevention is enforced.
resource "google_storage_bucket" "site" {
  project  = var.project_id
  name     = var.site_bucket_name
  location = var.location
  labels   = local.labels

  uniform_bucket_level_access = true
  public_access_prevention    = var.public_site ? "inherited" : "enforced"
  force_destroy               = !var.deletion_protection

  # Served at https://storage.googleapis.com/<bucket>/site/index.html; the website settings also apply when a load
  # balancer or a CNAME serves the bucket.
  website {
    main_page_suffix = "index.html"
  }

  # Every run replaces the site: no versions to keep.
  versioning {
    enabled = false
  }

  lifecycle_rule {
    condition {
      age = 1
    }
    action {
      type = "AbortIncompleteMultipartUpload"
    }
  }

  depends_on = [google_project_service.apis]
}
