# Inputs of the SF Crime Stats deployment. Nothing here has a project-specific default: the project, the bucket names
# and the repository come from each environment's terraform.tfvars (not committed) or from -var in the deploy workflow.

variable "project_id" {
  description = "The Google Cloud project id that holds everything (one project per environment: the sources' dataset `raw` has a fixed name)."
  type        = string

  validation {
    # GCP's rule: 6 to 30 characters, lowercase letters, digits and hyphens, starting with a letter, not ending with a hyphen.
    condition     = can(regex("^[a-z][a-z0-9-]{4,28}[a-z0-9]$", var.project_id))
    error_message = "project_id must be a Google Cloud project id: 6-30 lowercase letters, digits or hyphens, starting with a letter and not ending with a hyphen."
  }
}

variable "environment" {
  description = "The environment this stack is: dev or prod. Part of every resource name, so the two never collide."
  type        = string

  validation {
    condition     = contains(["dev", "prod"], var.environment)
    error_message = "environment must be dev or prod."
  }
}

variable "name_prefix" {
  description = "A short prefix of resource names (service accounts, the job, the registry); service account ids must stay within 30 characters."
  type        = string
  default     = "sfcs"

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,9}$", var.name_prefix))
    error_message = "name_prefix must be 2-10 lowercase letters, digits or hyphens, starting with a letter."
  }
}

variable "region" {
  description = "The region of the Cloud Run job, the Cloud Scheduler job and the Artifact Registry repository (e.g. us-west1)."
  type        = string
  default     = "us-west1"

  validation {
    condition     = can(regex("^[a-z]+-[a-z]+[0-9]$", var.region))
    error_message = "region must be a Google Cloud region such as us-west1 or europe-west4 (not a multi-region)."
  }
}

variable "location" {
  description = "Where the data lives: the BigQuery datasets and both buckets (a multi-region such as US or EU, or a region). BigQuery reads the landing Parquet through external tables, which needs the bucket and the datasets in the same location; BQ_LOCATION of the job is set to it."
  type        = string
  default     = "US"

  validation {
    condition     = contains(["US", "EU"], var.location) || can(regex("^[a-z]+-[a-z]+[0-9]$", var.location))
    error_message = "location must be US, EU or a region such as us-west1."
  }
}

variable "landing_bucket_name" {
  description = "The globally unique name of the bucket `quarry ingest` lands the DataSF Parquet in (SFPD_LANDING is gs://<this>/landing)."
  type        = string

  validation {
    # Cloud Storage's rules for names without dots: 3-63 characters, lowercase letters, digits, hyphens and
    # underscores, starting and ending with a letter or digit, not starting with "goog", not containing "google".
    condition = (can(regex("^[a-z0-9][a-z0-9_-]{1,61}[a-z0-9]$", var.landing_bucket_name))
    && !startswith(var.landing_bucket_name, "goog") && !strcontains(var.landing_bucket_name, "google"))
    error_message = "landing_bucket_name must be 3-63 lowercase letters, digits, hyphens or underscores, start and end with a letter or digit, and not start with goog or contain google."
  }
}

variable "site_bucket_name" {
  description = "The globally unique name of the bucket the pipeline publishes the docs site and dashboard to (under the prefix site/)."
  type        = string

  validation {
    condition = (can(regex("^[a-z0-9][a-z0-9_-]{1,61}[a-z0-9]$", var.site_bucket_name))
    && !startswith(var.site_bucket_name, "goog") && !strcontains(var.site_bucket_name, "google"))
    error_message = "site_bucket_name must be 3-63 lowercase letters, digits, hyphens or underscores, start and end with a letter or digit, and not start with goog or contain google."
  }
}

variable "public_site" {
  description = "Whether anyone on the internet may read the site bucket (allUsers get roles/storage.objectViewer). Off by default: the buckets enforce public access prevention unless this is true."
  type        = bool
  default     = false
}

variable "landing_noncurrent_version_days" {
  description = "Days a replaced or deleted landing object (an old _state.json, a batch removed by --full-refresh) is kept as a noncurrent version before it is deleted."
  type        = number
  default     = 30

  validation {
    condition     = var.landing_noncurrent_version_days >= 1 && var.landing_noncurrent_version_days <= 365
    error_message = "landing_noncurrent_version_days must be between 1 and 365."
  }
}

variable "landing_noncurrent_versions_kept" {
  description = "How many noncurrent versions of one landing object are kept at most (the state file is rewritten after every page of a load)."
  type        = number
  default     = 5

  validation {
    condition     = var.landing_noncurrent_versions_kept >= 1 && var.landing_noncurrent_versions_kept <= 100
    error_message = "landing_noncurrent_versions_kept must be between 1 and 100."
  }
}

variable "bq_dataset" {
  description = "The prod target's dataset (BQ_DATASET; profiles.yml defaults to sf_crime_stats). Models go to <this>_staging, _core and _marts, seeds to <this>_reference."
  type        = string
  default     = "sf_crime_stats"

  validation {
    # BigQuery dataset ids: letters, digits and underscores, at most 1024 characters (the longest suffix is _reference).
    condition     = can(regex("^[A-Za-z_][A-Za-z0-9_]{0,1000}$", var.bq_dataset))
    error_message = "bq_dataset must be letters, digits and underscores, starting with a letter or underscore."
  }
}

variable "image" {
  description = "The pipeline's container image, with its tag or digest (REGION-docker.pkg.dev/PROJECT/REPOSITORY/sf-crime-stats:TAG); the deploy workflow passes the image it pushed."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9.-]+(:[0-9]+)?/[a-z0-9._/-]+(:[A-Za-z0-9_][A-Za-z0-9._-]{0,127}|@sha256:[a-f0-9]{64})$", var.image))
    error_message = "image must be a full image reference with a tag or a sha256 digest."
  }
}

variable "github_repository" {
  description = "The GitHub repository (owner/name) whose Actions may deploy through Workload Identity Federation; tokens of any other repository are refused."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$", var.github_repository))
    error_message = "github_repository must be owner/name."
  }
}

variable "schedule" {
  description = "When the pipeline runs (cron, five fields, in time_zone). DataSF updates the incident dataset daily around 10:00 Pacific; the default runs after it."
  type        = string
  default     = "30 11 * * *"

  validation {
    condition     = can(regex("^([0-9*,/-]+\\s+){4}[0-9A-Za-z*,/-]+$", trimspace(var.schedule)))
    error_message = "schedule must be a five-field cron expression such as \"30 11 * * *\"."
  }
}

variable "time_zone" {
  description = "The time zone of schedule (a tz database name)."
  type        = string
  default     = "America/Los_Angeles"

  validation {
    condition     = can(regex("^[A-Za-z_]+(/[A-Za-z0-9_+-]+)*$", var.time_zone))
    error_message = "time_zone must be a tz database name such as America/Los_Angeles or UTC."
  }
}

variable "schedule_paused" {
  description = "Whether the daily trigger is paused (the job can still be run by hand)."
  type        = bool
  default     = false
}

variable "job_timeout_seconds" {
  description = "How long one pipeline run may take before Cloud Run stops it. The first run backfills about a million rows from 2018."
  type        = number
  default     = 7200

  validation {
    condition     = var.job_timeout_seconds >= 300 && var.job_timeout_seconds <= 86400
    error_message = "job_timeout_seconds must be between 300 and 86400."
  }
}

variable "job_max_retries" {
  description = "Retries of a failed run. 0 by default: the pipeline resumes where it stopped on the next day's run, and a failure should be looked at rather than repeated; 1 retries once."
  type        = number
  default     = 0

  validation {
    condition     = contains([0, 1], var.job_max_retries)
    error_message = "job_max_retries must be 0 or 1."
  }
}

variable "job_cpu" {
  description = "CPUs of the job's container (Cloud Run syntax, e.g. \"1\" or \"2\")."
  type        = string
  default     = "2"

  validation {
    condition     = contains(["1", "2", "4", "8"], var.job_cpu)
    error_message = "job_cpu must be 1, 2, 4 or 8."
  }
}

variable "job_memory" {
  description = "Memory of the job's container (e.g. 2Gi). The ingest streams Parquet parts through an embedded DuckDB."
  type        = string
  default     = "2Gi"

  validation {
    condition     = can(regex("^[0-9]+(Mi|Gi)$", var.job_memory))
    error_message = "job_memory must be a quantity such as 512Mi or 2Gi."
  }
}

variable "deletion_protection" {
  description = "Protects the job and the buckets' data from `terraform destroy` (buckets are not force-destroyed while true)."
  type        = bool
  default     = true
}

variable "labels" {
  description = "Extra labels on every resource that takes labels."
  type        = map(string)
  default     = {}
}
