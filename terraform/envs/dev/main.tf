# The dev environment: the module with this environment's settings. Values come from terraform.tfvars (copy
# terraform.tfvars.example; not committed) and, in the deploy workflow, -var image=... for the image it pushed.

provider "google" {
  project = var.project_id
  region  = var.region
}

module "gcp" {
  source = "../../modules/gcp"

  project_id          = var.project_id
  environment         = "dev"
  region              = var.region
  location            = var.location
  landing_bucket_name = var.landing_bucket_name
  site_bucket_name    = var.site_bucket_name
  public_site         = var.public_site
  github_repository   = var.github_repository
  image               = var.image
  schedule            = var.schedule
  schedule_paused     = var.schedule_paused
  job_memory          = var.job_memory
  deletion_protection = var.deletion_protection
}
