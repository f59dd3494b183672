/** BigQuery, the production engine (GoogleSQL). */
package dev.quarry.adapter.bigquery;
