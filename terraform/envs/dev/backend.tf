terraform {
  required_version = ">= 1.5"

  required_providers {
    google = {
      source  = "hashicorp/google"
      version = ">= 6.0, < 7.0"
    }
  }

  # Remote state in a GCS bucket made once by hand (docs/DEPLOYMENT.md, bootstrap). Nothing project-specific is
  # committed: the bucket is given at init time,
  #   terraform init -backend-config="bucket=<state bucket>"
  # and the prefix keeps the environments apart in one bucket.
  backend "gcs" {
    prefix = "sf-crime-stats/dev"
  }
}
