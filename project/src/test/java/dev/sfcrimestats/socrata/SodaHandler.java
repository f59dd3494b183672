package dev.sfcrimestats.socrata;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * Answers SODA 2.1 requests: checks the app token and the dataset, parses the query, answers aggregates directly
 * and data requests through the {@link FaultPlan}, and records every request.
 */
final class SodaHandler implements HttpHandler {

    private final String resourcePath;
    private final RowSource source;
    private final FaultPlan plan;
    private final Supplier<String> requiredToken;
    private final Consumer<RecordedRequest> recorder;
    private final IntConsumer afterPage;
    private final RenderedPages rendered;
    // Seeds the arbitrary order of requests without $order: each request shuffles differently, like the real API.
    private final AtomicLong requestCount = new AtomicLong();

    SodaHandler(String dataset, RowSource source, FaultPlan plan, Supplier<String> requiredToken,
            Consumer<RecordedRequest> recorder, IntConsumer afterPage, RenderedPages rendered) {
        this.resourcePath = "/resource/" + dataset + ".json";
        this.source = source;
        this.plan = plan;
        this.requiredToken = requiredToken;
        this.recorder = recorder;
        this.afterPage = afterPage;
        this.rendered = rendered;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            handleChecked(exchange);
        } catch (RuntimeException | Error bug) {
            // A bug in the fake, a request it cannot decode, or a failing afterPage hook: show it in the test's
            // output and fail the request, rather than let the server thread die and the client hang.
            bug.printStackTrace();
            if (exchange.getResponseCode() != -1) {
                throw new FaultyOutputStream.ExchangeAborted("failed mid-response: " + bug);
            }
            ResponseWriter.error(exchange, 500, "fake_socrata_bug", bug.toString());
        }
    }

    private void handleChecked(HttpExchange exchange) throws IOException {
        RecordedRequest request = new RecordedRequest(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                params(exchange.getRequestURI().getRawQuery()), exchange.getRequestHeaders(), false, -1, 0, null);
        String token = requiredToken.get();
        if (token != null && !token.equals(request.header("X-App-Token"))) {
            answerError(exchange, request, 403, "permission_denied", "Invalid app_token specified");
        } else if (!request.path().equals(resourcePath)) {
            answerError(exchange, request, 404, "not_found", "Cannot find dataset at " + request.path());
        } else if (!request.method().equals("GET")) {
            answerError(exchange, request, 405, "method_not_allowed", "The fake answers GET only");
        } else {
            answer(exchange, request);
        }
    }

    private void answer(HttpExchange exchange, RecordedRequest request) throws IOException {
        Schema schema = source.schema();
        SodaQuery query;
        Iterator<Map<String, Object>> rows;
        try {
            query = SodaQuery.parse(request.params(), schema);
            if (query.select().isAggregate()) {
                Map<String, Object> row = source.aggregate(query.select(), query.where());
                recorder.accept(request.answered(false, -1, 200, null));
                ResponseWriter.rows(exchange, rows(query, List.of(row).iterator()), request.asksGzip(), null, () -> {
                });
                return;
            }
            rows = source.rows(query.where(), query.order(), query.offset(), query.limit(),
                    requestCount.incrementAndGet());
        } catch (SoqlException rejected) {
            answerError(exchange, request, 400, rejected.code(), rejected.getMessage());
            return;
        }
        FaultPlan.Decision decision = plan.decide();
        Fault fault = decision.fault();
        int page = decision.page();
        recorder.accept(request.answered(true, page, fault == null ? 200 : fault.status(), fault));
        if (fault != null && fault.kind() == Fault.Kind.HANG) {
            page = plan.hang();
            if (page < 0) {
                throw new FaultyOutputStream.ExchangeAborted("the fake closed while a request hung");
            }
            fault = null;
            // Answered now, so with the rows as they are now.
            rows = source.rows(query.where(), query.order(), query.offset(), query.limit(),
                    requestCount.incrementAndGet());
        }
        if (fault != null && fault.kind() == Fault.Kind.STATUS) {
            answerStatus(exchange, fault);
            return;
        }
        if (fault != null && fault.kind() == Fault.Kind.DELAY_HEADERS) {
            sleep(fault);
        }
        int served = page;
        // Only ordered answers are kept: an unordered one is shuffled anew on each request, like the real API's.
        if (fault == null && rendered != null && query.order() != null) {
            afterPage.accept(served);
            ResponseWriter.Rows answer = rows(query, rows);
            ResponseWriter.rendered(exchange, answer, request.asksGzip(), rendered.body(
                    exchange.getRequestURI().getRawQuery() + (request.asksGzip() ? "#gzip" : ""),
                    out -> ResponseWriter.body(out, answer, request.asksGzip(), null, () -> { })));
            return;
        }
        // After a fault the body is no page: no hook runs.
        Runnable beforeEnd = fault == null ? () -> afterPage.accept(served) : () -> {
        };
        // An IOException here (a reset fault, or a client gone) propagates: the server then drops the connection
        // instead of ending the body cleanly.
        ResponseWriter.rows(exchange, rows(query, rows), request.asksGzip(), fault, beforeEnd);
    }

    private ResponseWriter.Rows rows(SodaQuery query, Iterator<Map<String, Object>> rows) {
        return new ResponseWriter.Rows(query.select().fields(), query.select().types(), source.lastModified(), rows,
                query.select());
    }

    private void answerError(HttpExchange exchange, RecordedRequest request, int status, String code, String message)
            throws IOException {
        recorder.accept(request.answered(false, -1, status, null));
        ResponseWriter.error(exchange, status, code, message);
    }

    private static void answerStatus(HttpExchange exchange, Fault fault) throws IOException {
        switch (fault.status()) {
            case 202 -> ResponseWriter.empty(exchange, 202);
            case 429 -> {
                exchange.getResponseHeaders().set("Retry-After", Integer.toString(fault.retryAfterSeconds()));
                ResponseWriter.error(exchange, 429, "too_many_requests", "Too many requests, slow down");
            }
            case 503 -> ResponseWriter.error(exchange, 503, "service_unavailable", "Service unavailable");
            default -> ResponseWriter.error(exchange, fault.status(), "internal_error", "Internal error");
        }
    }

    private static void sleep(Fault fault) throws IOException {
        try {
            Thread.sleep(fault.duration().toMillis());
        } catch (InterruptedException closing) {
            Thread.currentThread().interrupt();
            throw new FaultyOutputStream.ExchangeAborted("the fake closed during a delay");
        }
    }

    // Decoded as a server does: '+' and %20 are spaces; a parameter given twice keeps its last value.
    private static Map<String, String> params(String rawQuery) {
        Map<String, String> params = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            params.put(URLDecoder.decode(name, StandardCharsets.UTF_8),
                    URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return params;
    }
}
