/*
 * What the compile's SQL check costs on its own: parses every compiled model under a target/compiled folder with
 * JSqlParser, as Quarry's check does (a new parser per statement, simple parsing, complex parsing when that fails),
 * on one thread, several rounds in one JVM, and prints each round's time and the time per model.
 *
 * Single-file Java 17 program; JSqlParser comes from the launcher's build (run ./quarry --version once first):
 *
 *   java -XX:TieredStopAtLevel=1 -XX:-DontCompileHugeMethods -cp "project/target/lib/*" \
 *       bench/SqlCheckCost.java /tmp/bench5000/target/compiled 4
 *
 * The first two options are the launcher's JIT settings for `compile`; leave them out to see the same parses with
 * the optimizing compiler once it has warmed up. Arguments: the compiled folder (after a `quarry compile`) and the
 * number of rounds (default 4). Files under a properties file's folder (`<file>.yml/`) are data tests and are left
 * out: the compile checks those once per shape.
 */

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import net.sf.jsqlparser.parser.CCJSqlParserUtil;

public class SqlCheckCost {

    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: java -cp \"project/target/lib/*\" bench/SqlCheckCost.java COMPILED_DIR "
                    + "[ROUNDS]");
            System.exit(2);
        }
        Path compiled = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        List<String> models = modelSql(compiled);
        if (models.isEmpty()) {
            System.err.println("no compiled models under " + compiled + " (run quarry compile first)");
            System.exit(1);
        }
        for (int round = 1; round <= rounds; round++) {
            long start = System.nanoTime();
            int failed = 0;
            for (String sql : models) {
                failed += parses(sql) ? 0 : 1;
            }
            double ms = (System.nanoTime() - start) / 1e6;
            System.out.printf("round %d: %d models in %.0f ms, %.0f us per model, %d did not parse%n",
                    round, models.size(), ms, ms * 1000 / models.size(), failed);
        }
    }

    private static boolean parses(String sql) {
        for (boolean complex : new boolean[] {false, true}) {
            try {
                CCJSqlParserUtil.newParser(sql).withAllowComplexParsing(complex).Statement();
                return true;
            } catch (Exception | Error failure) {
                // try complex parsing next, as the compile does
            }
        }
        return false;
    }

    private static List<String> modelSql(Path compiled) throws IOException {
        try (Stream<Path> files = Files.walk(compiled)) {
            return files.filter(file -> file.toString().endsWith(".sql"))
                    .filter(file -> !compiled.relativize(file).toString().contains(".yml"))
                    .sorted()
                    .map(SqlCheckCost::read)
                    .collect(Collectors.toList());
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
