import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a Quarry target/run_results.json and prints, per node, the median of its time, of the engine's time, and of
 * the difference (Quarry's own overhead), in milliseconds. Single-file, no dependencies:
 * {@code java bench/RunResultsStats.java path/to/run_results.json}.
 */
public class RunResultsStats {

    private static final Pattern EXECUTION = Pattern.compile("\"execution_time\"\\s*:\\s*([0-9.eE-]+)");
    private static final Pattern ENGINE = Pattern.compile("\"engine_ms\"\\s*:\\s*([0-9.eE-]+)");

    public static void main(String[] arguments) throws Exception {
        String json = Files.readString(Path.of(arguments[0]));
        List<Double> node = numbers(EXECUTION, json, 1000.0);
        List<Double> engine = numbers(ENGINE, json, 1.0);
        if (node.size() != engine.size()) {
            throw new IllegalStateException("every node needs engine_ms: " + node.size() + " vs " + engine.size());
        }
        List<Double> overhead = new ArrayList<>();
        for (int index = 0; index < node.size(); index++) {
            overhead.add(node.get(index) - engine.get(index));
        }
        System.out.printf("nodes=%d node_ms_median=%.3f engine_ms_median=%.3f overhead_ms_median=%.3f "
                + "overhead_ms_mean=%.3f%n", node.size(), median(node), median(engine), median(overhead),
                overhead.stream().mapToDouble(Double::doubleValue).average().orElse(0));
    }

    private static List<Double> numbers(Pattern pattern, String json, double scale) {
        List<Double> values = new ArrayList<>();
        Matcher matcher = pattern.matcher(json);
        while (matcher.find()) {
            values.add(Double.parseDouble(matcher.group(1)) * scale);
        }
        return values;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
