# Starts the pipeline job every day after DataSF's update (about 10:00 Pacific), through the Cloud Run Admin API v2
# (jobs.run), authenticated as the scheduler account, which may run this job only.
resource "google_cloud_scheduler_job" "pipeline_daily" {
  project     = var.project_id
  region      = var.region
  name        = "${local.prefix}-pipeline-daily"
  description = "Runs the SF Crime Stats pipeline after DataSF's daily update."
  schedule    = var.schedule
  time_zone   = var.time_zone
  paused      = var.schedule_paused

  # jobs.run answers as soon as the execution has started; the run itself is bounded by the job's timeout.
  attempt_deadline = "120s"

  # A failed start is tried once more; a run that started and failed is not repeated here (see job_max_retries).
  retry_config {
    retry_count          = 1
    min_backoff_duration = "60s"
  }

  http_target {
    http_method = "POST"
    uri         = "https://run.googleapis.com/v2/projects/${var.project_id}/locations/${var.region}/jobs/${google_cloud_run_v2_job.pipeline.name}:run"

    oauth_token {
      service_account_email = google_service_account.scheduler.email
      scope                 = "https://www.googleapis.com/auth/cloud-platform"
    }
  }

  depends_on = [google_cloud_run_v2_job_iam_member.scheduler_invokes_pipeline]
}
