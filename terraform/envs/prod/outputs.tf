# Everything the module reports: bucket names, service account emails, the job, the WIF provider, the site URL.
output "gcp" {
  description = "The deployment's names (terraform output -json gcp)."
  value       = module.gcp
}

output "workload_identity_provider" {
  description = "GitHub repository variable GCP_WORKLOAD_IDENTITY_PROVIDER."
  value       = module.gcp.workload_identity_provider
}

output "deployer_service_account" {
  description = "GitHub repository variable GCP_DEPLOYER_SERVICE_ACCOUNT."
  value       = module.gcp.deployer_service_account
}

output "artifact_registry_repository" {
  description = "Where the deploy workflow pushes the image."
  value       = module.gcp.artifact_registry_repository
}

output "job_name" {
  description = "The Cloud Run job."
  value       = module.gcp.job_name
}

output "site_url" {
  description = "The published dashboard."
  value       = module.gcp.site_url
}
