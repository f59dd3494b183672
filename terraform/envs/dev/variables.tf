# The dev environment's inputs; see modules/gcp/variables.tf for the rules each one is checked against there.

variable "project_id" {
  description = "The dev environment's Google Cloud project id."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{4,28}[a-z0-9]$", var.project_id))
    error_message = "project_id must be a Google Cloud project id."
  }
}

variable "region" {
  description = "The region of the Cloud Run job, the scheduler and the image repository."
  type        = string
  default     = "us-west1"

  validation {
    condition     = can(regex("^[a-z]+-[a-z]+[0-9]$", var.region))
    error_message = "region must be a Google Cloud region such as us-west1."
  }
}

variable "location" {
  description = "The location of the BigQuery datasets and the buckets (US, EU or a region)."
  type        = string
  default     = "US"

  validation {
    condition     = contains(["US", "EU"], var.location) || can(regex("^[a-z]+-[a-z]+[0-9]$", var.location))
    error_message = "location must be US, EU or a region."
  }
}

variable "landing_bucket_name" {
  description = "The landing bucket's globally unique name."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9_-]{1,61}[a-z0-9]$", var.landing_bucket_name))
    error_message = "landing_bucket_name must follow Cloud Storage's bucket name rules (lowercase, 3-63 characters, no dots)."
  }
}

variable "site_bucket_name" {
  description = "The site bucket's globally unique name."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9_-]{1,61}[a-z0-9]$", var.site_bucket_name))
    error_message = "site_bucket_name must follow Cloud Storage's bucket name rules (lowercase, 3-63 characters, no dots)."
  }
}

variable "public_site" {
  description = "Whether the published site is readable by anyone (allUsers)."
  type        = bool
  default     = false
}

variable "github_repository" {
  description = "The GitHub repository (owner/name) allowed to deploy."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$", var.github_repository))
    error_message = "github_repository must be owner/name."
  }
}

variable "image" {
  description = "The pipeline image with its tag or digest; the deploy workflow passes the one it pushed."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9.-]+(:[0-9]+)?/[a-z0-9._/-]+(:[A-Za-z0-9_][A-Za-z0-9._-]{0,127}|@sha256:[a-f0-9]{64})$", var.image))
    error_message = "image must be a full image reference with a tag or a sha256 digest."
  }
}

variable "schedule" {
  description = "When the pipeline runs (cron in America/Los_Angeles): after DataSF's daily update around 10:00 Pacific."
  type        = string
  default     = "30 11 * * *"

  validation {
    condition     = can(regex("^([0-9*,/-]+\\s+){4}[0-9A-Za-z*,/-]+$", trimspace(var.schedule)))
    error_message = "schedule must be a five-field cron expression."
  }
}

variable "schedule_paused" {
  description = "Whether the daily trigger is paused (dev is paused unless asked: run it by hand; prod runs daily)."
  type        = bool
  default     = true
}

variable "job_memory" {
  description = "Memory of the pipeline's container."
  type        = string
  default     = "2Gi"

  validation {
    condition     = can(regex("^[0-9]+(Mi|Gi)$", var.job_memory))
    error_message = "job_memory must be a quantity such as 2Gi."
  }
}

variable "deletion_protection" {
  description = "Dev can be torn down: off by default."
  type        = bool
  default     = false
}
