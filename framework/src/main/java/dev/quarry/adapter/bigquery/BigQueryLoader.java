package dev.quarry.adapter.bigquery;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;

import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryException;
import com.google.cloud.bigquery.FormatOptions;
import com.google.cloud.bigquery.Job;
import com.google.cloud.bigquery.JobId;
import com.google.cloud.bigquery.JobInfo;
import com.google.cloud.bigquery.TableDataWriteChannel;
import com.google.cloud.bigquery.TableId;
import com.google.cloud.bigquery.WriteChannelConfiguration;

import dev.quarry.adapter.ColumnInfo;
import dev.quarry.adapter.EngineException;

/**
 * Loads rows into an existing table with one load job (free, unlike INSERTs, and not subject to DML quotas): the rows
 * are written as newline-delimited JSON to a temporary file, uploaded through the client's resumable upload
 * ({@code bigquery.writer}), and appended by the job. The file is kept until the job is done, so that a job that
 * fails transiently is uploaded again as a new job.
 */
final class BigQueryLoader {

    private static final int UPLOAD_BUFFER = 256 * 1024;

    private final BigQuery client;
    private final BigQueryJobRunner jobs;
    private final int chunkBytes;

    BigQueryLoader(BigQuery client, BigQueryJobRunner jobs, int chunkBytes) {
        this.client = client;
        this.jobs = jobs;
        this.chunkBytes = chunkBytes;
    }

    /** @return rows loaded, as the load job reports them */
    long load(TableId table, List<ColumnInfo> columns, Iterator<Object[]> rows) {
        jobs.failIfCancelled();
        Path file = null;
        try {
            file = Files.createTempFile("quarry-load-", ".json");
            long written = write(file, columns.stream().map(ColumnInfo::name).toList(), rows);
            if (written == 0) {
                // An empty upload creates no job: there is nothing to load.
                return 0;
            }
            WriteChannelConfiguration configuration = WriteChannelConfiguration.newBuilder(table)
                    .setFormatOptions(FormatOptions.json())
                    .setCreateDisposition(JobInfo.CreateDisposition.CREATE_NEVER)
                    .setWriteDisposition(JobInfo.WriteDisposition.WRITE_APPEND)
                    .setLabels(jobs.labels())
                    .build();
            Path upload = file;
            Job done = jobs.run("loading rows into " + table.getProject() + "." + table.getDataset() + "."
                    + table.getTable(), id -> upload(id, configuration, upload));
            long loaded = jobs.record(done).rows();
            return loaded < 0 ? written : loaded;
        } catch (IOException failure) {
            throw new EngineException("cannot write the rows to load into a temporary file: " + failure.getMessage(),
                    failure);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // A temporary file left behind is harmless.
                }
            }
        }
    }

    private static long write(Path file, List<String> columns, Iterator<Object[]> rows) throws IOException {
        long count = 0;
        try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            while (rows.hasNext()) {
                writer.write(NewlineDelimitedJson.row(columns, rows.next()));
                count++;
            }
        }
        return count;
    }

    /**
     * Uploads the file as a new load job and returns the job. A cancel during the upload abandons it unfinished
     * (closing the channel would start the job).
     */
    private Job upload(JobId id, WriteChannelConfiguration configuration, Path file) {
        TableDataWriteChannel channel;
        try {
            channel = client.writer(id, configuration);
        } catch (BigQueryException failure) {
            // An earlier attempt of this upload created the job after all.
            Job existing = failure.getCode() == 409 ? client.getJob(id) : null;
            if (existing != null) {
                return existing;
            }
            throw failure;
        }
        channel.setChunkSize(chunkBytes);
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[UPLOAD_BUFFER];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                jobs.failIfCancelled();
                ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, read);
                while (chunk.hasRemaining()) {
                    channel.write(chunk);
                }
            }
            jobs.failIfCancelled();
            channel.close();
        } catch (IOException failure) {
            throw new EngineException("cannot upload the rows of load job " + id.getJob() + " to BigQuery: "
                    + failure.getMessage(), failure);
        }
        Job job = channel.getJob();
        if (job == null) {
            throw new EngineException("BigQuery created no load job " + id.getJob() + " for the upload", null);
        }
        return job;
    }
}
