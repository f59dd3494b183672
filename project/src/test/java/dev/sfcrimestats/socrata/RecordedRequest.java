package dev.sfcrimestats.socrata;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One request the fake received, recorded when it arrived (before any delay or hang), with what the fake decided
 * to answer.
 *
 * @param method  the HTTP method
 * @param path    the path, e.g. {@code /resource/wg3w-h783.json}
 * @param params  the decoded query parameters, e.g. {@code $order -> :id}
 * @param headers the request headers; names are case-insensitive
 * @param data    whether this was a data request (a known dataset, a valid query, not an aggregate)
 * @param page    the page index it served, or -1 (not a data request, faulted, or hung)
 * @param status  the status answered (0 for a hang)
 * @param fault   the fault played on it, or null
 */
public record RecordedRequest(String method, String path, Map<String, String> params,
        Map<String, List<String>> headers, boolean data, int page, int status, Fault fault) {

    /** Copies the maps so later changes do not show. */
    public RecordedRequest {
        params = Collections.unmodifiableMap(new TreeMap<>(params));
        Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        headers = Collections.unmodifiableMap(copy);
    }

    /** A decoded query parameter, or null. */
    public String param(String name) {
        return params.get(name);
    }

    /** The first value of a header (any case), or null. */
    public String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** Whether the request asked for a gzipped response. */
    public boolean asksGzip() {
        String accepted = header("Accept-Encoding");
        return accepted != null && accepted.toLowerCase(Locale.ROOT).contains("gzip");
    }

    /** The same record with what the fake decided. */
    RecordedRequest answered(boolean isData, int pageIndex, int answeredStatus, Fault playedFault) {
        return new RecordedRequest(method, path, params, headers, isData, pageIndex, answeredStatus, playedFault);
    }
}
