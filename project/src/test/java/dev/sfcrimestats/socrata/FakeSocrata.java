package dev.sfcrimestats.socrata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

import com.sun.net.httpserver.HttpServer;

/**
 * DataSF's Socrata SODA 2.1 API for one dataset on a loopback port, as the SFPD loader uses it:
 * {@code GET /resource/<dataset>.json} with {@code $select}, {@code $where}, {@code $order}, {@code $limit} and
 * {@code $offset}, optional app token, gzip, and Socrata's headers and error bodies. Rows live in memory
 * ({@link #start(String)}: tests put, update and delete them) or are computed on the fly
 * ({@link #generated(String, long)}: read-only, for benchmarks). Faults ({@link Fault}) are played on data requests
 * on demand; every request is recorded.
 */
public final class FakeSocrata implements AutoCloseable {

    /** The SFPD incident reports dataset id. */
    public static final String SFPD_DATASET = "wg3w-h783";

    private final String dataset;
    private final FakeClock clock = new FakeClock();
    private final RowStore store;
    private final RowSource source;
    private final FaultPlan plan = new FaultPlan();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final List<BiConsumer<Integer, FakeSocrata>> pageHooks = new CopyOnWriteArrayList<>();
    private final ExecutorService executor;
    private final HttpServer server;
    private volatile String requiredToken;

    private FakeSocrata(String dataset, long generatedRows, int port, boolean keepBodies) {
        this.dataset = dataset;
        this.store = generatedRows < 0 ? new RowStore(clock, Schema.sfpd()) : null;
        this.source = store != null ? store : new GeneratedRows(generatedRows);
        AtomicInteger threads = new AtomicInteger();
        ThreadFactory daemons = task -> {
            Thread thread = new Thread(task, "fake-socrata-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        // Unbounded: a hung request holds its thread, and the others must still be answered.
        this.executor = Executors.newCachedThreadPool(daemons);
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        } catch (IOException cannotBind) {
            executor.shutdownNow();
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port, cannotBind);
        }
        server.createContext("/", new SodaHandler(dataset, source, plan, () -> requiredToken, requests::add,
                page -> pageHooks.forEach(hook -> hook.accept(page, this)),
                keepBodies ? new RenderedPages(1L << 30) : null));
        server.setExecutor(executor);
        server.start();
    }

    /** A fake serving an in-memory dataset with this id (e.g. {@link #SFPD_DATASET}), empty, on a free port. */
    public static FakeSocrata start(String dataset) {
        return new FakeSocrata(dataset, -1, 0, false);
    }

    /** A read-only fake serving {@code rowCount} generated SFPD rows ({@link SfpdRows}) on a free port. */
    public static FakeSocrata generated(String dataset, long rowCount) {
        return generated(dataset, rowCount, 0);
    }

    /** A read-only fake serving {@code rowCount} generated SFPD rows on this port (0: a free one). */
    public static FakeSocrata generated(String dataset, long rowCount, int port) {
        if (rowCount < 0) {
            throw new IllegalArgumentException("negative row count " + rowCount);
        }
        return new FakeSocrata(dataset, rowCount, port, false);
    }

    /**
     * A generated fake that keeps each ordered answer's body once rendered (up to 1 GiB), for a benchmark's repeated
     * runs: they then measure the client, not the fake's JSON and gzip work on the same cores.
     */
    static FakeSocrata generatedKeepingBodies(String dataset, long rowCount, int port) {
        return new FakeSocrata(dataset, rowCount, port, true);
    }

    /** Where the fake listens: {@code http://127.0.0.1:<port>}, the domain part of a Socrata URL. */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + port());
    }

    /** The dataset's resource: {@code http://127.0.0.1:<port>/resource/<dataset>.json}. */
    public URI resourceUri() {
        return baseUri().resolve("/resource/" + dataset + ".json");
    }

    /** The port the fake listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** The dataset id served. */
    public String dataset() {
        return dataset;
    }

    /** From now on, requests without {@code X-App-Token: <token>} get 403 {@code permission_denied}; null: none. */
    public FakeSocrata requireToken(String token) {
        requiredToken = token;
        return this;
    }

    /**
     * Adds a row (values: text, numbers (stored as text), {@code Boolean} checkboxes, GeoJSON point maps; null
     * values are dropped), or replaces the row with the same {@code row_id}. Unknown fields become new columns.
     * Returns the stored row with its system fields.
     */
    public Map<String, Object> put(Map<String, ?> row) {
        return store().put(row);
    }

    /** Puts each row in order; returns the stored rows. */
    public List<Map<String, Object>> putAll(Collection<? extends Map<String, ?>> rows) {
        List<Map<String, Object>> stored = new ArrayList<>();
        rows.forEach(row -> stored.add(put(row)));
        return stored;
    }

    /**
     * Changes fields of the row whose {@code row_id} is {@code rowId} (a null value removes the field) and gives it
     * a new {@code :updated_at}. Returns the stored row.
     *
     * @throws java.util.NoSuchElementException when there is no such row
     */
    public Map<String, Object> update(String rowId, Map<String, ?> changes) {
        return store().update(rowId, changes);
    }

    /** Deletes the row whose {@code row_id} is {@code rowId}; false when there was none. */
    public boolean delete(String rowId) {
        return store().delete(rowId);
    }

    /** Adds a text column that no row has yet: it shows in {@code X-SODA2-Fields} of {@code *} selects. */
    public FakeSocrata addField(String field) {
        store().addField(field, Schema.TEXT);
        return this;
    }

    /** Copies of the current rows in {@code :id} order, with their system fields. */
    public List<Map<String, Object>> rows() {
        return store().rows();
    }

    /** The fake clock stamping {@code :created_at} and {@code :updated_at}. */
    public FakeClock clock() {
        return clock;
    }

    /** The fake clock's time. */
    public Instant now() {
        return clock.now();
    }

    /** Arms a fault for coming data requests. */
    public FakeSocrata fault(Fault fault) {
        plan.add(fault);
        return this;
    }

    /** Every data request from page {@code page} on gets 500, until {@link #clearFaults()}. */
    public FakeSocrata failFromPage(int page) {
        return fault(Fault.serverError().fromPage(page));
    }

    /** Every data request from page {@code page} on hangs, until {@link #clearFaults()} or {@link #close()}. */
    public FakeSocrata hangFromPage(int page) {
        return fault(Fault.hang().fromPage(page));
    }

    /** Disarms every fault; hung requests are then answered normally. */
    public FakeSocrata clearFaults() {
        plan.clear();
        return this;
    }

    /**
     * Runs {@code hook} with the page index (0-based) after each data page's last row, before its body ends: the
     * client cannot ask for the next page before the hook returns, so changes it makes show from the next page on.
     */
    public FakeSocrata afterPage(BiConsumer<Integer, FakeSocrata> hook) {
        pageHooks.add(hook);
        return this;
    }

    /** How many data pages have been served (the index of the next one). */
    public int pagesServed() {
        return plan.pagesServed();
    }

    /** Every request so far, in arrival order. */
    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    /** The data requests so far (not aggregates, not rejected ones), in arrival order. */
    public List<RecordedRequest> dataRequests() {
        return requests.stream().filter(RecordedRequest::data).toList();
    }

    /** Stops listening, drops open connections (hung requests included) and stops the threads. */
    @Override
    public void close() {
        plan.close();
        server.stop(0);
        executor.shutdownNow();
    }

    /**
     * Serves generated rows until killed: {@code --rows N [--port P] [--dataset ID]}. Prints exactly one line,
     * {@code http://127.0.0.1:<port>}, when ready.
     */
    public static void main(String[] args) throws InterruptedException {
        long rows = -1;
        int port = 0;
        String dataset = SFPD_DATASET;
        for (int at = 0; at + 1 < args.length; at += 2) {
            switch (args[at]) {
                case "--rows" -> rows = Long.parseLong(args[at + 1]);
                case "--port" -> port = Integer.parseInt(args[at + 1]);
                case "--dataset" -> dataset = args[at + 1];
                default -> throw new IllegalArgumentException("unknown option " + args[at]);
            }
        }
        if (rows < 0 || args.length % 2 != 0) {
            System.err.println("usage: FakeSocrata --rows N [--port P] [--dataset ID]");
            System.exit(2);
        }
        FakeSocrata fake = generatedKeepingBodies(dataset, rows, port);
        Runtime.getRuntime().addShutdownHook(new Thread(fake::close));
        System.out.println(fake.baseUri());
        System.out.flush();
        new CountDownLatch(1).await();
    }

    private RowStore store() {
        if (store == null) {
            throw new UnsupportedOperationException("a generated fake is read-only");
        }
        return store;
    }
}
