import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a Quarry target/run_results.json, checks that it lists what a benchmark run should have run, and prints the
 * run's per-node figures on one line. Single-file, no dependencies:
 * {@code java bench/TestResultsStats.java path/to/run_results.json --data N --unit U --models M [--by-kind]}.
 *
 * <p>The check: exactly N data tests ({@code test.*}), U unit tests ({@code unit_test.*}) and M models
 * ({@code model.*}), and nothing else; every test {@code pass}, every model {@code success}. On a mismatch it prints
 * the counts by kind and status, and up to 10 nodes that did not pass with their messages, on stderr, and exits 1.
 *
 * <p>The line: {@code nodes=… data=… unit=… models=… elapsed_ms=… sum_ms=… median_us=… max_ms=… slowest=…}, where
 * elapsed_ms is run_results.json's elapsed_time and the rest are over the nodes' execution_time. With
 * {@code --by-kind}, one more line per kind of node (the generic test's name up to the model's name, e.g.
 * {@code accepted_values}) with its count, sum and median.
 */
public class TestResultsStats {

    private static final Pattern UNIQUE_ID = Pattern.compile("\"unique_id\"\\s*:\\s*\"([^\"]*)\"");
    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([^\"]*)\"");
    private static final Pattern EXECUTION = Pattern.compile("\"execution_time\"\\s*:\\s*([0-9.eE-]+)");
    private static final Pattern MESSAGE = Pattern.compile("\"message\"\\s*:\\s*(\"(?:[^\"\\\\]|\\\\.)*\"|null)");
    private static final Pattern ELAPSED = Pattern.compile("\"elapsed_time\"\\s*:\\s*([0-9.eE-]+)");
    /** Test names start with the generic test's name, then the model's (m_NNNN in the benchmark's project). */
    private static final Pattern KIND = Pattern.compile("^(?:test|unit_test)\\.[^.]+\\.(?:(.+?)_m_\\d+.*|m_\\d+\\..*)$");

    record Node(String id, String status, double seconds, String message) {
        String type() {
            return id.substring(0, id.indexOf('.'));
        }

        boolean ok() {
            return type().equals("model") ? status.equals("success") : status.equals("pass");
        }

        String kind() {
            if (!type().equals("test")) {
                return type();
            }
            Matcher matcher = KIND.matcher(id);
            return matcher.matches() && matcher.group(1) != null ? matcher.group(1) : "other";
        }
    }

    public static void main(String[] arguments) throws Exception {
        String json = Files.readString(Path.of(arguments[0]));
        Map<String, Integer> expected = new TreeMap<>();
        boolean byKind = false;
        for (int index = 1; index < arguments.length; index++) {
            switch (arguments[index]) {
                case "--data" -> expected.put("test", Integer.parseInt(arguments[++index]));
                case "--unit" -> expected.put("unit_test", Integer.parseInt(arguments[++index]));
                case "--models" -> expected.put("model", Integer.parseInt(arguments[++index]));
                case "--by-kind" -> byKind = true;
                default -> throw new IllegalArgumentException("unknown argument " + arguments[index]);
            }
        }
        List<Node> nodes = nodes(json);

        Map<String, Integer> counts = new TreeMap<>();
        Map<String, Integer> okCounts = new TreeMap<>();
        Map<String, Integer> byStatus = new TreeMap<>();
        for (Node node : nodes) {
            counts.merge(node.type(), 1, Integer::sum);
            byStatus.merge(node.type() + " " + node.status(), 1, Integer::sum);
            if (node.ok()) {
                okCounts.merge(node.type(), 1, Integer::sum);
            }
        }
        boolean good = true;
        for (String type : counts.keySet()) {
            good &= expected.containsKey(type);
        }
        for (Map.Entry<String, Integer> entry : expected.entrySet()) {
            good &= counts.getOrDefault(entry.getKey(), 0).equals(entry.getValue())
                    && okCounts.getOrDefault(entry.getKey(), 0).equals(entry.getValue());
        }
        if (!good) {
            System.err.println("expected " + expected + " (all passing); found " + byStatus);
            nodes.stream().filter(node -> !node.ok()).limit(10).forEach(node ->
                    System.err.println("  " + node.status() + " " + node.id() + ": " + node.message()));
            System.exit(1);
        }

        List<Double> seconds = new ArrayList<>();
        String slowest = "-";
        double max = -1;
        for (Node node : nodes) {
            seconds.add(node.seconds());
            if (node.seconds() > max) {
                max = node.seconds();
                slowest = node.id();
            }
        }
        Matcher elapsed = ELAPSED.matcher(json);
        double elapsedSeconds = elapsed.find() ? Double.parseDouble(elapsed.group(1)) : -1;
        System.out.printf("nodes=%d data=%d unit=%d models=%d elapsed_ms=%d sum_ms=%d median_us=%d max_ms=%d slowest=%s%n",
                nodes.size(), okCounts.getOrDefault("test", 0), okCounts.getOrDefault("unit_test", 0),
                okCounts.getOrDefault("model", 0), Math.round(elapsedSeconds * 1000), Math.round(sum(seconds) * 1000),
                Math.round(median(seconds) * 1_000_000), Math.round(Math.max(max, 0) * 1000), slowest);
        if (byKind) {
            Map<String, List<Double>> kinds = new TreeMap<>();
            for (Node node : nodes) {
                kinds.computeIfAbsent(node.kind(), key -> new ArrayList<>()).add(node.seconds());
            }
            kinds.forEach((kind, values) -> System.out.printf("  %-32s count=%d sum_ms=%d median_us=%d max_ms=%.1f%n",
                    kind, values.size(), Math.round(sum(values) * 1000), Math.round(median(values) * 1_000_000),
                    Collections.max(values) * 1000));
        }
    }

    /** The results, one per unique_id: each object's fields run from its unique_id to the next one. */
    private static List<Node> nodes(String json) {
        int results = json.indexOf("\"results\"");
        List<Node> nodes = new ArrayList<>();
        Matcher ids = UNIQUE_ID.matcher(json);
        List<int[]> spans = new ArrayList<>();
        List<String> names = new ArrayList<>();
        int from = Math.max(results, 0);
        while (ids.find(from)) {
            spans.add(new int[] {ids.start(), ids.end()});
            names.add(ids.group(1));
            from = ids.end();
        }
        for (int index = 0; index < spans.size(); index++) {
            int end = index + 1 < spans.size() ? spans.get(index + 1)[0] : json.length();
            String chunk = json.substring(spans.get(index)[1], end);
            Matcher status = STATUS.matcher(chunk);
            Matcher execution = EXECUTION.matcher(chunk);
            Matcher message = MESSAGE.matcher(chunk);
            nodes.add(new Node(names.get(index), status.find() ? status.group(1) : "?",
                    execution.find() ? Double.parseDouble(execution.group(1)) : 0,
                    message.find() ? message.group(1) : "null"));
        }
        return nodes;
    }

    private static double sum(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).sum();
    }

    private static double median(List<Double> values) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
