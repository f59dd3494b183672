# The pipeline's images. The deploy workflow pushes <region>-docker.pkg.dev/<project>/<repository>/sf-crime-stats:<tag>.
resource "google_artifact_registry_repository" "images" {
  project       = var.project_id
  location      = var.region
  repository_id = "${local.prefix}-images"
  description   = "SF Crime Stats pipeline images (${var.environment})."
  format        = "DOCKER"
  labels        = local.labels

  # Every deploy pushes an image: keep the recent ones to roll back to, delete the rest after 30 days.
  cleanup_policy_dry_run = false

  cleanup_policies {
    id     = "keep-recent"
    action = "KEEP"
    most_recent_versions {
      keep_count = 10
    }
  }

  cleanup_policies {
    id     = "delete-old"
    action = "DELETE"
    condition {
      tag_state  = "ANY"
      older_than = "2592000s"
    }
  }

  depends_on = [google_project_service.apis]
}
