package dev.quarry.adapter.bigquery;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * BigQuery's REST API on a loopback port, as far as Google's client uses it: jobs (insert, get, getQueryResults,
 * query, cancel), tabledata.list, datasets (get, insert, list, delete), tables (get, insert, list, delete) and the
 * resumable upload of load jobs. Every request is recorded with its JSON body; tests script answers to queries,
 * failures of the next calls of a route, and the datasets and tables that exist.
 */
final class FakeBigQuery implements AutoCloseable {

    static final String PROJECT = "test-project";

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final List<Route> ROUTES = List.of(
            new Route("POST", "/bigquery/v2/projects/([^/]+)/jobs", "jobs.insert"),
            new Route("GET", "/bigquery/v2/projects/([^/]+)/jobs/([^/]+)", "jobs.get"),
            new Route("POST", "/bigquery/v2/projects/([^/]+)/jobs/([^/]+)/cancel", "jobs.cancel"),
            new Route("GET", "/bigquery/v2/projects/([^/]+)/queries/([^/]+)", "jobs.getQueryResults"),
            new Route("POST", "/bigquery/v2/projects/([^/]+)/queries", "jobs.query"),
            new Route("GET", "/bigquery/v2/projects/([^/]+)/datasets", "datasets.list"),
            new Route("POST", "/bigquery/v2/projects/([^/]+)/datasets", "datasets.insert"),
            new Route("GET", "/bigquery/v2/projects/([^/]+)/datasets/([^/]+)", "datasets.get"),
            new Route("DELETE", "/bigquery/v2/projects/([^/]+)/datasets/([^/]+)", "datasets.delete"),
            new Route("GET", "/bigquery/v2/projects/([^/]+)/datasets/([^/]+)/tables", "tables.list"),
            new Route("POST", "/bigquery/v2/projects/([^/]+)/datasets/([^/]+)/tables", "tables.insert"),
            new Route("GET", "/bigquery/v2/projects/([^/]+)/datasets/([^/]+)/tables/([^/]+)", "tables.get"),
            new Route("DELETE", "/bigquery/v2/projects/([^/]+)/datasets/([^/]+)/tables/([^/]+)", "tables.delete"),
            new Route("GET", "/bigquery/v2/projects/([^/]+)/datasets/([^/]+)/tables/([^/]+)/data", "tabledata.list"),
            new Route("POST", "/upload/bigquery/v2/projects/([^/]+)/jobs", "upload.start"),
            new Route("PUT", "/upload/session/([^/]+)", "upload.put"));

    private record Route(String method, Pattern path, String name) {

        Route(String method, String path, String name) {
            this(method, Pattern.compile(path), name);
        }
    }

    /** One HTTP request the client made. */
    record Request(String route, String method, String path, Map<String, String> query, String body) {

        JsonNode json() {
            try {
                return body.isEmpty() ? JSON.createObjectNode() : JSON.readTree(body);
            } catch (IOException notJson) {
                throw new AssertionError("not JSON: " + body, notJson);
            }
        }
    }

    /** A column of a scripted result or table: its name, its API type ({@code INTEGER}, {@code STRING}...). */
    record Column(String name, String type, String mode) {

        static Column of(String name, String type) {
            return new Column(name, type, "NULLABLE");
        }

        static Column repeated(String name, String type) {
            return new Column(name, type, "REPEATED");
        }

        ObjectNode json() {
            ObjectNode field = JSON.createObjectNode().put("name", name).put("type", type).put("mode", mode);
            if (type.startsWith("RECORD<")) {
                // RECORD<a:INTEGER,b:STRING>: a struct with those fields.
                field.put("type", "RECORD");
                ArrayNode fields = field.putArray("fields");
                for (String sub : type.substring(7, type.length() - 1).split(",")) {
                    String[] parts = sub.split(":");
                    fields.add(Column.of(parts[0], parts[1]).json());
                }
            }
            return field;
        }
    }

    /** How a query job ends. */
    record Answer(String statementType, List<Column> schema, List<List<Object>> rows, Long dmlRows, String errorReason,
            String errorMessage, boolean runsUntilCancelled, long bytesProcessed, long bytesBilled, long slotMillis,
            boolean cacheHit) {

        static Answer rows(List<Column> schema, List<List<Object>> rows) {
            return new Answer("SELECT", schema, rows, null, null, null, false, 1024, 10_485_760, 42, false);
        }

        static Answer statement(String statementType) {
            return new Answer(statementType, List.of(), List.of(), null, null, null, false, 0, 0, 7, false);
        }

        static Answer dml(long rows) {
            return new Answer("UPDATE", List.of(), List.of(), rows, null, null, false, 2048, 10_485_760, 13, false);
        }

        static Answer error(String reason, String message) {
            return new Answer("SELECT", List.of(), List.of(), null, reason, message, false, 0, 0, 0, false);
        }

        static Answer running() {
            return new Answer("SELECT", List.of(), List.of(), null, null, null, true, 0, 0, 0, false);
        }

        Answer fromCache() {
            return new Answer(statementType, schema, rows, dmlRows, errorReason, errorMessage, runsUntilCancelled,
                    bytesProcessed, 0, 0, true);
        }
    }

    /** A scripted HTTP failure: a status and BigQuery's error JSON, or a dropped connection. */
    private record Failure(int status, String reason, String message, boolean dropConnection) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Deque<Failure>> failures = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> datasets = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> tables = new ConcurrentHashMap<>();
    private final Map<String, List<String>> tableRows = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> jobs = new ConcurrentHashMap<>();
    private final Map<String, List<List<Object>>> results = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> resultSchemas = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> uploads = new ConcurrentHashMap<>();
    private final Map<String, ByteArrayOutputStream> uploaded = new ConcurrentHashMap<>();
    private final Deque<Answer> loadFailures = new ArrayDeque<>();
    private final AtomicInteger counter = new AtomicInteger();
    private volatile Function<String, Answer> queries = sql -> Answer.statement("CREATE_TABLE_AS_SELECT");

    FakeBigQuery() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The URL to give as {@code api_endpoint}. */
    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    // --- scripting -------------------------------------------------------------------------------------------------

    /** How query jobs end, by their SQL. */
    void answer(Function<String, Answer> answers) {
        this.queries = answers;
    }

    /** The next {@code times} calls of a route fail with this status and BigQuery error. */
    void failNext(String route, int times, int status, String reason, String message) {
        Deque<Failure> queue = failures.computeIfAbsent(route, key -> new ArrayDeque<>());
        synchronized (queue) {
            for (int index = 0; index < times; index++) {
                queue.add(new Failure(status, reason, message, false));
            }
        }
    }

    /** The next {@code times} calls of a route get their connection closed without an answer. */
    void dropNext(String route, int times) {
        Deque<Failure> queue = failures.computeIfAbsent(route, key -> new ArrayDeque<>());
        synchronized (queue) {
            for (int index = 0; index < times; index++) {
                queue.add(new Failure(0, null, null, true));
            }
        }
    }

    /** The next load job ends with this error. */
    synchronized void failNextLoad(String reason, String message) {
        loadFailures.add(Answer.error(reason, message));
    }

    void dataset(String dataset, String location) {
        ObjectNode json = JSON.createObjectNode();
        json.put("kind", "bigquery#dataset").put("id", PROJECT + ":" + dataset).put("location", location);
        json.putObject("datasetReference").put("projectId", PROJECT).put("datasetId", dataset);
        datasets.put(dataset, json);
    }

    /** A table or view ({@code type} TABLE, VIEW, MATERIALIZED_VIEW, EXTERNAL) in a dataset that is created too. */
    void table(String dataset, String table, String type, Column... columns) {
        if (!datasets.containsKey(dataset)) {
            dataset(dataset, "US");
        }
        ObjectNode json = JSON.createObjectNode();
        json.put("kind", "bigquery#table").put("id", PROJECT + ":" + dataset + "." + table).put("type", type)
                .put("numRows", "0");
        json.putObject("tableReference").put("projectId", PROJECT).put("datasetId", dataset).put("tableId", table);
        ArrayNode fields = json.putObject("schema").putArray("fields");
        for (Column column : columns) {
            fields.add(column.json());
        }
        tables.put(dataset + "." + table, json);
        tableRows.put(dataset + "." + table, Collections.synchronizedList(new ArrayList<>()));
    }

    /** Sets a table's row count as tables.get reports it. */
    void numRows(String dataset, String table, long rows) {
        tables.get(dataset + "." + table).put("numRows", Long.toString(rows));
    }

    // --- inspection ------------------------------------------------------------------------------------------------

    List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    List<Request> requests(String route) {
        return requests().stream().filter(request -> request.route().equals(route)).toList();
    }

    int calls(String route) {
        return requests(route).size();
    }

    boolean hasDataset(String dataset) {
        return datasets.containsKey(dataset);
    }

    ObjectNode datasetJson(String dataset) {
        return datasets.get(dataset);
    }

    /** The rows load jobs appended to a table, one JSON object each, as uploaded. */
    List<String> loadedLines(String dataset, String table) {
        return List.copyOf(tableRows.get(dataset + "." + table));
    }

    List<JsonNode> loadedRows(String dataset, String table) {
        return loadedLines(dataset, table).stream().map(line -> {
            try {
                return JSON.readTree(line);
            } catch (IOException notJson) {
                throw new AssertionError("not JSON: " + line, notJson);
            }
        }).toList();
    }

    /** The bytes uploaded for load jobs, all sessions together. */
    long uploadedBytes() {
        return uploaded.values().stream().mapToLong(ByteArrayOutputStream::size).sum();
    }

    // --- the API ---------------------------------------------------------------------------------------------------

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            byte[] raw = exchange.getRequestBody().readAllBytes();
            if ("gzip".equals(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                // The client compresses JSON bodies.
                raw = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(raw)).readAllBytes();
            }
            String body = new String(raw, StandardCharsets.UTF_8);
            for (Route route : ROUTES) {
                Matcher matcher = route.path().matcher(path);
                if (route.method().equals(exchange.getRequestMethod()) && matcher.matches()) {
                    List<String> parts = new ArrayList<>();
                    for (int group = 1; group <= matcher.groupCount(); group++) {
                        parts.add(URLDecoder.decode(matcher.group(group), StandardCharsets.UTF_8));
                    }
                    requests.add(new Request(route.name(), route.method(), path, query,
                            route.name().equals("upload.put") ? "" : body));
                    Failure failure = nextFailure(route.name());
                    if (failure != null) {
                        if (failure.dropConnection()) {
                            // Closing the exchange before any header is a dropped connection for the client.
                            return;
                        }
                        error(exchange, failure.status(), failure.reason(), failure.message());
                        return;
                    }
                    dispatch(exchange, route.name(), parts, query, body, raw);
                    return;
                }
            }
            requests.add(new Request("unknown", exchange.getRequestMethod(), path, query, body));
            error(exchange, 404, "notFound", "the fake has no route for " + exchange.getRequestMethod() + " " + path);
        } catch (IOException | RuntimeException bug) {
            // A bug in the fake: the client sees a dropped connection, the test's output shows why.
            bug.printStackTrace();
            throw bug;
        }
    }

    private Failure nextFailure(String route) {
        Deque<Failure> queue = failures.get(route);
        if (queue == null) {
            return null;
        }
        synchronized (queue) {
            return queue.poll();
        }
    }

    private void dispatch(HttpExchange exchange, String route, List<String> parts, Map<String, String> query,
            String body, byte[] raw) throws IOException {
        switch (route) {
            case "jobs.insert" -> insertJob(exchange, JSON.readTree(body));
            case "jobs.get" -> job(exchange, parts.get(1), job -> respond(exchange, 200, job));
            case "jobs.cancel" -> job(exchange, parts.get(1), job -> {
                cancel(job);
                ObjectNode response = JSON.createObjectNode().put("kind", "bigquery#jobCancelResponse");
                response.set("job", job);
                respond(exchange, 200, response);
            });
            case "jobs.getQueryResults" -> job(exchange, parts.get(1), job -> queryResults(exchange, job, query));
            case "datasets.list" -> listDatasets(exchange);
            case "datasets.insert" -> insertDataset(exchange, (ObjectNode) JSON.readTree(body));
            case "datasets.get" -> {
                ObjectNode dataset = datasets.get(parts.get(1));
                if (dataset == null) {
                    error(exchange, 404, "notFound", "Not found: Dataset " + PROJECT + ":" + parts.get(1));
                } else {
                    respond(exchange, 200, dataset);
                }
            }
            case "datasets.delete" -> {
                datasets.remove(parts.get(1));
                tables.keySet().removeIf(key -> key.startsWith(parts.get(1) + "."));
                exchange.sendResponseHeaders(204, -1);
            }
            case "tables.list" -> listTables(exchange, parts.get(1), query);
            case "tables.get" -> {
                ObjectNode table = tables.get(parts.get(1) + "." + parts.get(2));
                if (table == null) {
                    error(exchange, 404, "notFound", "Not found: Table " + PROJECT + ":" + parts.get(1) + "."
                            + parts.get(2));
                } else {
                    respond(exchange, 200, table);
                }
            }
            case "tables.delete" -> {
                tables.remove(parts.get(1) + "." + parts.get(2));
                exchange.sendResponseHeaders(204, -1);
            }
            case "tabledata.list" -> tableData(exchange, parts.get(2), query);
            case "upload.start" -> startUpload(exchange, (ObjectNode) JSON.readTree(body));
            case "upload.put" -> putUpload(exchange, parts.get(0), raw);
            default -> error(exchange, 501, "notImplemented", "the fake does not implement " + route);
        }
    }

    private interface JobHandler {
        void handle(ObjectNode job) throws IOException;
    }

    private void job(HttpExchange exchange, String jobId, JobHandler handler) throws IOException {
        ObjectNode job = jobs.get(jobId);
        if (job == null) {
            error(exchange, 404, "notFound", "Not found: Job " + PROJECT + ":" + jobId);
            return;
        }
        synchronized (job) {
            handler.handle(job);
        }
    }

    private void insertJob(HttpExchange exchange, JsonNode request) throws IOException {
        String jobId = request.path("jobReference").path("jobId").asText();
        if (jobs.containsKey(jobId)) {
            error(exchange, 409, "duplicate", "Already Exists: Job " + PROJECT + ":" + jobId);
            return;
        }
        String sql = request.path("configuration").path("query").path("query").asText();
        if (request.path("configuration").path("dryRun").asBoolean()) {
            dryRun(exchange, request, jobId, queries.apply(sql));
            return;
        }
        ObjectNode job = newJob(request, jobId);
        finish(job, queries.apply(sql));
        respond(exchange, 200, job);
    }

    /** A dry run: the query's estimate, or BigQuery's 400 for a query it rejects; no job is kept. */
    private void dryRun(HttpExchange exchange, JsonNode request, String jobId, Answer answer) throws IOException {
        if (answer.errorReason() != null) {
            error(exchange, 400, answer.errorReason(), answer.errorMessage());
            return;
        }
        ObjectNode job = JSON.createObjectNode();
        String location = request.path("jobReference").path("location").asText("US");
        job.put("kind", "bigquery#job");
        job.putObject("jobReference").put("projectId", PROJECT).put("jobId", jobId).put("location", location);
        job.set("configuration", request.path("configuration").deepCopy());
        job.putObject("status").put("state", "DONE");
        ObjectNode statistics = job.putObject("statistics").put("creationTime", Long.toString(System.currentTimeMillis()))
                .put("totalBytesProcessed", Long.toString(answer.bytesProcessed()));
        statistics.putObject("query").put("totalBytesProcessed", Long.toString(answer.bytesProcessed()))
                .put("statementType", answer.statementType());
        respond(exchange, 200, job);
    }

    private ObjectNode newJob(JsonNode request, String jobId) {
        String location = request.path("jobReference").path("location").asText("US");
        ObjectNode job = JSON.createObjectNode();
        job.put("kind", "bigquery#job").put("id", PROJECT + ":" + location + "." + jobId);
        job.putObject("jobReference").put("projectId", PROJECT).put("jobId", jobId).put("location", location);
        job.set("configuration", request.path("configuration").deepCopy());
        job.putObject("statistics").put("creationTime", Long.toString(System.currentTimeMillis()));
        jobs.put(jobId, job);
        return job;
    }

    private void finish(ObjectNode job, Answer answer) {
        String jobId = job.path("jobReference").path("jobId").asText();
        ObjectNode status = job.putObject("status");
        if (answer.runsUntilCancelled()) {
            status.put("state", "RUNNING");
            return;
        }
        status.put("state", "DONE");
        ObjectNode statistics = (ObjectNode) job.get("statistics");
        statistics.put("startTime", Long.toString(System.currentTimeMillis()))
                .put("endTime", Long.toString(System.currentTimeMillis()))
                .put("totalSlotMs", Long.toString(answer.slotMillis()));
        if (answer.errorReason() != null) {
            ObjectNode error = status.putObject("errorResult").put("reason", answer.errorReason())
                    .put("message", answer.errorMessage());
            if (answer.errorReason().equals("invalidQuery")) {
                error.put("location", "query");
            }
            status.putArray("errors").add(error.deepCopy());
            return;
        }
        if (job.path("configuration").has("load")) {
            return;
        }
        statistics.put("totalBytesProcessed", Long.toString(answer.bytesProcessed()));
        ObjectNode query = statistics.putObject("query").put("statementType", answer.statementType())
                .put("totalBytesProcessed", Long.toString(answer.bytesProcessed()))
                .put("totalBytesBilled", Long.toString(answer.bytesBilled()))
                .put("totalSlotMs", Long.toString(answer.slotMillis()))
                .put("cacheHit", answer.cacheHit());
        if (answer.dmlRows() != null) {
            query.put("numDmlAffectedRows", Long.toString(answer.dmlRows()));
        }
        if (answer.statementType().equals("SELECT")) {
            ObjectNode schema = query.putObject("schema");
            ArrayNode fields = schema.putArray("fields");
            answer.schema().forEach(column -> fields.add(column.json()));
            ((ObjectNode) job.path("configuration").path("query")).putObject("destinationTable")
                    .put("projectId", PROJECT).put("datasetId", "_anonymous").put("tableId", "anon_" + jobId);
            resultSchemas.put(jobId, schema.deepCopy());
            results.put("anon_" + jobId, answer.rows());
        }
        if (answer.statementType().equals("CREATE_TABLE_AS_SELECT")) {
            String table = "created_by_" + jobId;
            query.putObject("ddlTargetTable").put("projectId", PROJECT).put("datasetId", "analytics")
                    .put("tableId", table);
            if (!datasets.containsKey("analytics")) {
                dataset("analytics", "US");
            }
            table("analytics", table, "TABLE", Column.of("id", "INTEGER"));
            numRows("analytics", table, 3);
        }
    }

    private void cancel(ObjectNode job) {
        if (job.path("status").path("state").asText().equals("DONE")) {
            return;
        }
        ObjectNode status = job.putObject("status").put("state", "DONE");
        ObjectNode error = status.putObject("errorResult").put("reason", "stopped")
                .put("message", "Job execution was cancelled: User requested cancellation");
        status.putArray("errors").add(error.deepCopy());
    }

    private void queryResults(HttpExchange exchange, ObjectNode job, Map<String, String> query) throws IOException {
        JsonNode status = job.path("status");
        if (status.has("errorResult")) {
            JsonNode error = status.path("errorResult");
            error(exchange, statusOf(error.path("reason").asText()), error.path("reason").asText(),
                    error.path("message").asText());
            return;
        }
        ObjectNode response = JSON.createObjectNode().put("kind", "bigquery#getQueryResultsResponse");
        response.set("jobReference", job.get("jobReference").deepCopy());
        boolean complete = status.path("state").asText().equals("DONE");
        response.put("jobComplete", complete);
        if (complete) {
            String jobId = job.path("jobReference").path("jobId").asText();
            List<List<Object>> rows = results.getOrDefault("anon_" + jobId, List.of());
            response.put("totalRows", Integer.toString(rows.size()));
            if (resultSchemas.containsKey(jobId)) {
                response.set("schema", resultSchemas.get(jobId).deepCopy());
            }
            int max = Integer.parseInt(query.getOrDefault("maxResults", "100000"));
            page(response, rows, 0, max);
        }
        respond(exchange, 200, response);
    }

    /** BigQuery's HTTP status for an error reason (cloud.google.com/bigquery/docs/error-messages). */
    private static int statusOf(String reason) {
        return switch (reason) {
            case "invalidQuery", "invalid", "stopped" -> 400;
            case "accessDenied", "rateLimitExceeded", "quotaExceeded" -> 403;
            case "notFound" -> 404;
            case "backendError", "internalError" -> 500;
            default -> 400;
        };
    }

    private void tableData(HttpExchange exchange, String table, Map<String, String> query) throws IOException {
        List<List<Object>> rows = results.get(table);
        if (rows == null) {
            error(exchange, 404, "notFound", "Not found: Table " + table);
            return;
        }
        int start = Integer.parseInt(query.getOrDefault("pageToken", "0"));
        // At most ten rows a page, as if they were large: the client follows page tokens.
        int max = Math.min(10, Integer.parseInt(query.getOrDefault("maxResults", "100000")));
        ObjectNode response = JSON.createObjectNode().put("kind", "bigquery#tableDataList")
                .put("totalRows", Integer.toString(rows.size()));
        page(response, rows, start, max);
        respond(exchange, 200, response);
    }

    private static void page(ObjectNode response, List<List<Object>> rows, int start, int max) {
        int end = (int) Math.min(rows.size(), (long) start + max);
        if (end > start) {
            ArrayNode page = response.putArray("rows");
            for (List<Object> row : rows.subList(start, end)) {
                ArrayNode cells = page.addObject().putArray("f");
                for (Object value : row) {
                    cells.addObject().set("v", cell(value));
                }
            }
        }
        if (end < rows.size()) {
            response.put("pageToken", Integer.toString(end));
        }
    }

    /** A value as the API encodes it: every scalar as a string, a list as {@code [{"v": ...}]}. */
    private static JsonNode cell(Object value) {
        if (value == null) {
            return JSON.nullNode();
        }
        if (value instanceof List<?> list) {
            ArrayNode array = JSON.createArrayNode();
            list.forEach(element -> array.addObject().set("v", cell(element)));
            return array;
        }
        if (value instanceof Map<?, ?> struct) {
            ObjectNode record = JSON.createObjectNode();
            ArrayNode fields = record.putArray("f");
            struct.values().forEach(field -> fields.addObject().set("v", cell(field)));
            return record;
        }
        return JSON.getNodeFactory().textNode(value.toString());
    }

    private void listDatasets(HttpExchange exchange) throws IOException {
        ObjectNode response = JSON.createObjectNode().put("kind", "bigquery#datasetList");
        ArrayNode list = response.putArray("datasets");
        datasets.values().forEach(dataset -> list.add(dataset.deepCopy()));
        respond(exchange, 200, response);
    }

    private void insertDataset(HttpExchange exchange, ObjectNode request) throws IOException {
        String dataset = request.path("datasetReference").path("datasetId").asText();
        synchronized (datasets) {
            if (datasets.containsKey(dataset)) {
                error(exchange, 409, "duplicate", "Already Exists: Dataset " + PROJECT + ":" + dataset);
                return;
            }
            ObjectNode json = request.deepCopy();
            json.put("kind", "bigquery#dataset").put("id", PROJECT + ":" + dataset);
            if (!json.has("location")) {
                json.put("location", "US");
            }
            datasets.put(dataset, json);
            respond(exchange, 200, json);
        }
    }

    /** Two tables per page, so that the client has to follow page tokens. */
    private void listTables(HttpExchange exchange, String dataset, Map<String, String> query) throws IOException {
        if (!datasets.containsKey(dataset)) {
            error(exchange, 404, "notFound", "Not found: Dataset " + PROJECT + ":" + dataset);
            return;
        }
        List<ObjectNode> inDataset = tables.entrySet().stream()
                .filter(entry -> entry.getKey().startsWith(dataset + "."))
                .sorted(Map.Entry.comparingByKey())
                .map(Map.Entry::getValue)
                .toList();
        int start = Integer.parseInt(query.getOrDefault("pageToken", "0"));
        int end = Math.min(inDataset.size(), start + 2);
        ObjectNode response = JSON.createObjectNode().put("kind", "bigquery#tableList")
                .put("totalItems", inDataset.size());
        ArrayNode list = response.putArray("tables");
        for (ObjectNode table : inDataset.subList(start, end)) {
            ObjectNode entry = list.addObject();
            entry.put("kind", "bigquery#table").put("id", table.get("id").asText()).put("type",
                    table.get("type").asText());
            entry.set("tableReference", table.get("tableReference").deepCopy());
        }
        if (end < inDataset.size()) {
            response.put("nextPageToken", Integer.toString(end));
        }
        respond(exchange, 200, response);
    }

    private void startUpload(HttpExchange exchange, ObjectNode request) throws IOException {
        String id = "upload" + counter.incrementAndGet();
        uploads.put(id, request);
        uploaded.put(id, new ByteArrayOutputStream());
        exchange.getResponseHeaders().add("Location", endpoint() + "/upload/session/" + id);
        exchange.sendResponseHeaders(200, -1);
    }

    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\*|\\d+)");

    private void putUpload(HttpExchange exchange, String id, byte[] raw) throws IOException {
        ObjectNode request = uploads.get(id);
        ByteArrayOutputStream bytes = uploaded.get(id);
        Matcher range = CONTENT_RANGE.matcher(exchange.getRequestHeaders().getFirst("Content-Range"));
        if (request == null || !range.matches() || Long.parseLong(range.group(1)) != bytes.size()) {
            error(exchange, 400, "invalid", "bad upload " + id);
            return;
        }
        bytes.write(raw);
        if (range.group(3).equals("*")) {
            exchange.getResponseHeaders().add("Range", "bytes=0-" + (bytes.size() - 1));
            exchange.sendResponseHeaders(308, -1);
            return;
        }
        String jobId = request.path("jobReference").path("jobId").asText();
        ObjectNode job = newJob(request, jobId);
        Answer failure;
        synchronized (this) {
            failure = loadFailures.poll();
        }
        if (failure != null) {
            finish(job, failure);
            respond(exchange, 200, job);
            return;
        }
        JsonNode destination = request.path("configuration").path("load").path("destinationTable");
        String table = destination.path("datasetId").asText() + "." + destination.path("tableId").asText();
        List<String> target = tableRows.get(table);
        if (target == null) {
            finish(job, Answer.error("notFound", "Not found: Table " + PROJECT + ":" + table));
            respond(exchange, 200, job);
            return;
        }
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        for (String line : lines) {
            if (!line.isEmpty()) {
                target.add(line);
            }
        }
        finish(job, Answer.statement("LOAD"));
        ((ObjectNode) job.get("statistics")).putObject("load").put("inputFiles", "1")
                .put("inputFileBytes", Integer.toString(bytes.size()))
                .put("outputRows", Integer.toString(lines.length)).put("outputBytes", "100");
        respond(exchange, 200, job);
    }

    // --- HTTP ------------------------------------------------------------------------------------------------------

    private static void respond(HttpExchange exchange, int status, JsonNode json) throws IOException {
        byte[] body = JSON.writeValueAsBytes(json);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=UTF-8");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** BigQuery's error JSON: {@code {"error": {"code", "message", "errors": [{"reason", "message"}], "status"}}}. */
    private static void error(HttpExchange exchange, int status, String reason, String message) throws IOException {
        ObjectNode response = JSON.createObjectNode();
        ObjectNode error = response.putObject("error").put("code", status).put("message", message);
        error.putArray("errors").addObject().put("message", message).put("domain", "global").put("reason", reason);
        error.put("status", switch (status) {
            case 400 -> "INVALID_ARGUMENT";
            case 401 -> "UNAUTHENTICATED";
            case 403 -> "PERMISSION_DENIED";
            case 404 -> "NOT_FOUND";
            case 409 -> "ALREADY_EXISTS";
            case 429 -> "RESOURCE_EXHAUSTED";
            case 503 -> "UNAVAILABLE";
            default -> "INTERNAL";
        });
        respond(exchange, status, response);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return query;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            String key = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            query.put(key, value);
        }
        return query;
    }
}
