terraform {
  required_version = ">= 1.5"

  required_providers {
    google = {
      source = "hashicorp/google"
      # 6.x: google_cloud_run_v2_job has deletion_protection and the v2 job schema used here.
      version = ">= 6.0, < 7.0"
    }
  }
}
