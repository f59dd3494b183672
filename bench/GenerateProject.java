/*
 * Generator of synthetic Quarry projects for the compile-speed benchmark.
 *
 * Single-file Java 17 program, no dependencies; run it with the JDK's source launcher:
 *
 *   java bench/GenerateProject.java --models 5000 --out /tmp/bench5000
 *
 * Options:
 *   --models N   number of models (default 5000, minimum 1)
 *   --out DIR    output directory (default ./bench-project); must be absent or empty unless --force
 *   --seed S     random seed (default 42); the same N and seed always give byte-identical output
 *   --force      replace a project this generator wrote before (deletes its files in DIR first)
 *   --quiet      print only the statistics line block, not the progress line
 *   --format F   quarry (default) or dataform: the same models, DAG and SQL as a Dataform v3 project
 *   --dataform-core-version V   dataformCoreVersion for workflow_settings.yaml (default 3.0.52)
 *
 * Layout written into DIR:
 *   quarry_project.yml, profiles.yml, macros/bench.ftl,
 *   models/staging/stg_NNNN.sql      (first ~10%, each selects from source('raw', 'table_K')),
 *   models/intermediate/int_NNNN.sql (the middle),
 *   models/marts/fct_NNNN.sql        (last ~10%),
 *   models/<folder>/_models_NNN.yml  (one properties file per chunk of 100 models of a folder),
 *   models/staging/_sources.yml      (source raw, tables table_0..table_K-1).
 *
 * With --format dataform: workflow_settings.yaml, includes/bench.js (the cents function),
 *   definitions/sources/raw.js (declarations of raw.table_K, plus a not-null assertion on each),
 *   definitions/<folder>/<prefix>_NNNN.sqlx (config block with type, tags, descriptions and assertions).
 *
 * NNNN is the model's global index (0 .. N-1), zero-padded to at least 4 digits. Every non-staging
 * model refs 1-3 models with a smaller index (so the graph is acyclic by construction); the first
 * parent is drawn from a recent window, which makes the DAG deep, the others from anywhere before,
 * which makes it wide. Every model outputs exactly the columns id, category, amount, event_date,
 * label, so any model can select them from any other.
 */

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

public class GenerateProject {

    static final String USAGE = "usage: java bench/GenerateProject.java [--models N] [--out DIR] [--seed S]"
            + " [--format quarry|dataform] [--dataform-core-version V] [--force] [--quiet]";
    /** The @dataform/core version written into workflow_settings.yaml unless --dataform-core-version is given. */
    static final String DATAFORM_CORE_VERSION = "3.0.52";
    /** Models per properties file. */
    static final int CHUNK = 100;
    /** The output columns of every model and their descriptions (the same in both formats). */
    static final String[][] COLUMNS = {
            {"id", "Surrogate identifier, one row per id."},
            {"category", "Amount bucket: a (> 100), b (> 10) or c."},
            {"amount", "Summed amount, in dollars."},
            {"event_date", "Latest event date of the id."},
            {"label", "Free-text label."},
    };
    /** Staging models per raw source table. */
    static final int STAGING_PER_SOURCE_TABLE = 10;
    /** The first parent of a model is one of the last RECENT_WINDOW models: this drives the depth. */
    static final int RECENT_WINDOW = 64;
    /** Extra parents come from the last WIDE_WINDOW models half of the time, else from anywhere before. */
    static final int WIDE_WINDOW = 400;

    enum Layer {
        STAGING("staging", "stg"), INTERMEDIATE("intermediate", "int"), MARTS("marts", "fct");

        final String folder;
        final String prefix;

        Layer(String folder, String prefix) {
            this.folder = folder;
            this.prefix = prefix;
        }
    }

    static final class Model {
        final int index;
        final Layer layer;
        final String name;
        final List<Integer> parents = new ArrayList<>();
        int sourceTable = -1;
        int depth;

        Model(int index, Layer layer, String name) {
            this.index = index;
            this.layer = layer;
            this.name = name;
        }

        boolean isIncremental() {
            return index % 13 == 0;
        }

        boolean isHeavyTable() {
            return index % 7 == 0 && !isIncremental();
        }

        boolean usesVar() {
            return index % 11 == 0;
        }

        boolean usesCents() {
            return index % 5 == 0;
        }

        boolean hasAcceptedValuesTest() {
            return index % 3 == 0;
        }
    }

    // ------------------------------------------------------------------------------------------

    public static void main(String[] args) throws IOException {
        int models = 5000;
        Path out = Paths.get("bench-project");
        long seed = 42L;
        boolean force = false;
        boolean quiet = false;
        String format = "quarry";
        String coreVersion = DATAFORM_CORE_VERSION;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--models" -> models = parseInt(a, value(args, ++i, a));
                case "--format" -> format = value(args, ++i, a);
                case "--dataform-core-version" -> coreVersion = value(args, ++i, a);
                case "--out" -> out = Paths.get(value(args, ++i, a));
                case "--seed" -> seed = parseLong(a, value(args, ++i, a));
                case "--force" -> force = true;
                case "--quiet" -> quiet = true;
                case "-h", "--help" -> {
                    System.out.println(USAGE);
                    return;
                }
                default -> usage("unknown argument: " + a);
            }
        }
        if (models < 1) {
            usage("--models must be at least 1");
        }
        if (!format.equals("quarry") && !format.equals("dataform")) {
            usage("--format must be quarry or dataform, got: " + format);
        }
        if (!coreVersion.matches("[0-9A-Za-z.+-]+")) {
            usage("--dataform-core-version does not look like a version: " + coreVersion);
        }

        long t0 = System.nanoTime();
        prepareOutputDir(out, force);
        List<Model> graph = buildGraph(models, seed);
        int sourceTables = sourceTableCount(graph);
        if (format.equals("dataform")) {
            writeDataformProject(out, graph, sourceTables, coreVersion, t0, quiet);
            return;
        }

        writeProjectFiles(out);
        long lines = 0;
        for (Model m : graph) {
            lines += writeModel(out, m, graph);
        }
        int ymlFiles = 0;
        int tests = 0;
        for (Layer layer : Layer.values()) {
            List<Model> inLayer = graph.stream().filter(m -> m.layer == layer).toList();
            for (int c = 0; c * CHUNK < inLayer.size(); c++) {
                List<Model> chunk = inLayer.subList(c * CHUNK, Math.min(inLayer.size(), (c + 1) * CHUNK));
                tests += writeProperties(out.resolve("models").resolve(layer.folder)
                        .resolve(String.format(Locale.ROOT, "_models_%03d.yml", c)), chunk, graph);
                ymlFiles++;
            }
        }
        writeSources(out, sourceTables);
        ymlFiles++;

        printStats(out, graph, sourceTables, List.of(
                String.format(Locale.ROOT, "yaml:          %d properties files, %d data tests", ymlFiles, tests),
                String.format(Locale.ROOT, "sql lines:     %d (%.1f per model)", lines, (double) lines / graph.size())),
                (System.nanoTime() - t0) / 1_000_000, quiet);
    }

    static String value(String[] args, int i, String flag) {
        if (i >= args.length) {
            usage(flag + " needs a value");
        }
        return args[i];
    }

    static int parseInt(String flag, String v) {
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            usage(flag + " expects an integer, got: " + v);
            return 0;
        }
    }

    static long parseLong(String flag, String v) {
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            usage(flag + " expects an integer, got: " + v);
            return 0;
        }
    }

    static void usage(String message) {
        System.err.println("GenerateProject: " + message);
        System.err.println(USAGE);
        System.exit(2);
    }

    /** Refuses to write into a non-empty directory, unless --force and it looks like one of ours. */
    static void prepareOutputDir(Path out, boolean force) throws IOException {
        if (Files.isDirectory(out)) {
            boolean empty;
            try (Stream<Path> s = Files.list(out)) {
                empty = s.findAny().isEmpty();
            }
            if (!empty) {
                if (!force) {
                    usage(out + " is not empty (use --force to replace a generated project)");
                }
                if (!Files.exists(out.resolve("quarry_project.yml")) && !Files.exists(out.resolve("workflow_settings.yaml"))) {
                    usage(out + " has neither quarry_project.yml nor workflow_settings.yaml; refusing to delete its contents");
                }
                for (String p : List.of("models", "macros", "target", "quarry_project.yml", "profiles.yml",
                        "definitions", "includes", "workflow_settings.yaml")) {
                    deleteRecursively(out.resolve(p));
                }
            }
        } else if (Files.exists(out)) {
            usage(out + " exists and is not a directory");
        }
        Files.createDirectories(out);
    }

    static void deleteRecursively(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        }
    }

    // ------------------------------------------------------------------------------------------
    // The graph

    static List<Model> buildGraph(int n, long seed) {
        Random rnd = new Random(seed);
        int staging = Math.max(1, (int) Math.round(n * 0.10));
        int marts = Math.min(n - staging, (int) Math.round(n * 0.10));
        int width = Math.max(4, Integer.toString(n - 1).length());
        List<Model> graph = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Layer layer = i < staging ? Layer.STAGING : (i >= n - marts ? Layer.MARTS : Layer.INTERMEDIATE);
            Model m = new Model(i, layer, layer.prefix + "_" + pad(i, width));
            if (layer == Layer.STAGING) {
                m.sourceTable = i % Math.max(1, ceilDiv(staging, STAGING_PER_SOURCE_TABLE));
                m.depth = 1;
            } else {
                int wanted = pickParentCount(rnd);
                Set<Integer> parents = new LinkedHashSet<>();
                // first parent: a recent model, so chains grow long
                parents.add(i - 1 - rnd.nextInt(Math.min(i, RECENT_WINDOW)));
                int attempts = 0;
                while (parents.size() < Math.min(wanted, i) && attempts++ < 50) {
                    int p = rnd.nextBoolean()
                            ? i - 1 - rnd.nextInt(Math.min(i, WIDE_WINDOW))
                            : rnd.nextInt(i);
                    parents.add(p);
                }
                m.parents.addAll(parents);
                int depth = 0;
                for (int p : m.parents) {
                    depth = Math.max(depth, graph.get(p).depth);
                }
                m.depth = depth + 1;
            }
            graph.add(m);
        }
        return graph;
    }

    static int pickParentCount(Random rnd) {
        int r = rnd.nextInt(100);
        return r < 30 ? 1 : (r < 75 ? 2 : 3);
    }

    static int sourceTableCount(List<Model> graph) {
        int max = -1;
        for (Model m : graph) {
            max = Math.max(max, m.sourceTable);
        }
        return max + 1;
    }

    static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    static String pad(int i, int width) {
        StringBuilder s = new StringBuilder(Integer.toString(i));
        while (s.length() < width) {
            s.insert(0, '0');
        }
        return s.toString();
    }

    // ------------------------------------------------------------------------------------------
    // Project-level files

    static void writeProjectFiles(Path out) throws IOException {
        write(out.resolve("quarry_project.yml"), """
                # Synthetic benchmark project written by bench/GenerateProject.java; do not edit by hand.
                name: bench
                version: "1.0.0"
                profile: bench
                model-paths: [models]
                macro-paths: [macros]
                target-path: target
                vars:
                  start_date: "2018-01-01"
                models:
                  bench:
                    staging:
                      +materialized: view
                    marts:
                      +materialized: table
                      +tags: [marts]
                """);
        write(out.resolve("profiles.yml"), """
                bench:
                  target: dev
                  outputs:
                    dev:
                      type: duckdb
                      path: target/bench.duckdb
                      schema: main
                      threads: 4
                """);
        write(out.resolve("macros").resolve("bench.ftl"), """
                <#-- Benchmark macro library: amounts in cents. -->
                <#function cents x><#return "cast(" + x + " * 100 as bigint)"></#function>
                """);
    }

    static void writeSources(Path out, int sourceTables) throws IOException {
        StringBuilder y = new StringBuilder();
        y.append("version: 2\n\n");
        y.append("sources:\n");
        y.append("  - name: raw\n");
        y.append("    schema: raw\n");
        y.append("    description: \"Synthetic landing tables (parquet files) read by the staging models.\"\n");
        y.append("    tables:\n");
        for (int k = 0; k < sourceTables; k++) {
            y.append("      - name: table_").append(k).append('\n');
            y.append("        description: \"Raw events, batch ").append(k).append(".\"\n");
            y.append("        external: {location: \"data/raw/table_").append(k)
                    .append("/*.parquet\", format: parquet}\n");
            y.append("        columns:\n");
            y.append("          - name: record_id\n");
            y.append("            data_tests: [not_null]\n");
        }
        write(out.resolve("models").resolve("staging").resolve("_sources.yml"), y.toString());
    }

    // ------------------------------------------------------------------------------------------
    // Models

    /** Writes one model; returns its line count. */
    static int writeModel(Path out, Model m, List<Model> graph) throws IOException {
        String sql = m.layer == Layer.STAGING ? stagingSql(m, graph, QUARRY) : derivedSql(m, graph, QUARRY);
        write(out.resolve("models").resolve(m.layer.folder).resolve(m.name + ".sql"), sql);
        return (int) sql.chars().filter(c -> c == '\n').count();
    }

    /**
     * How the template parts of a model are spelled. The SQL around them is the same for every format; only the
     * config header, source/ref calls, the var, the cents macro and the incremental filter differ.
     */
    interface Syntax {
        /** The model's config header (may append nothing). */
        void config(StringBuilder s, Model m, List<Model> graph);

        String source(int table);

        String ref(Model parent);

        /** The start_date variable, rendered inside a SQL string literal. */
        String startDateVar();

        String cents(String column);

        /** The incremental filter, placed inside a where clause that already has a condition. */
        void incrementalFilter(StringBuilder s, Model m, String indent, String dateExpr);
    }

    /** Quarry: FreeMarker-style templates. */
    static final Syntax QUARRY = new Syntax() {
        @Override
        public void config(StringBuilder s, Model m, List<Model> graph) {
            if (m.isIncremental()) {
                s.append("<@config materialized='incremental' unique_key='id' />\n");
            } else if (m.isHeavyTable()) {
                s.append("<@config materialized='table' tags=['heavy'] />\n");
            }
        }

        @Override
        public String source(int table) {
            return "${source('raw', 'table_" + table + "')}";
        }

        @Override
        public String ref(Model parent) {
            return "${ref('" + parent.name + "')}";
        }

        @Override
        public String startDateVar() {
            return "${var('start_date')}";
        }

        @Override
        public String cents(String column) {
            return "${cents('" + column + "')}";
        }

        @Override
        public void incrementalFilter(StringBuilder s, Model m, String indent, String dateExpr) {
            if (m.isIncremental()) {
                s.append("<#if is_incremental()>\n");
                s.append(indent).append("and ").append(dateExpr).append(" > (select max(event_date) from ${this})\n");
                s.append("</#if>\n");
            }
        }
    };

    static String stagingSql(Model m, List<Model> graph, Syntax syn) {
        StringBuilder s = new StringBuilder(1500);
        syn.config(s, m, graph);
        s.append("-- ").append(m.name).append(": staging model over raw.table_").append(m.sourceTable).append('\n');
        s.append("-- renames and types the raw columns, keeps the latest row per record\n");
        s.append("with source_rows as (\n");
        s.append("    select\n");
        s.append("        record_id,\n");
        s.append("        kind,\n");
        s.append("        value_usd,\n");
        s.append("        created_at,\n");
        s.append("        note\n");
        s.append("    from ").append(syn.source(m.sourceTable)).append('\n');
        s.append("    where record_id is not null\n");
        if (m.usesVar()) {
            s.append("      and cast(created_at as date) >= cast('").append(syn.startDateVar()).append("' as date)\n");
        }
        syn.incrementalFilter(s, m, "      ", "cast(created_at as date)");
        s.append("),\n");
        s.append("renamed as (\n");
        s.append("    select\n");
        s.append("        cast(record_id as bigint) as id,\n");
        s.append("        case when kind in ('a', 'b') then kind else 'c' end as category,\n");
        s.append("        coalesce(value_usd, 0) as amount,\n");
        s.append("        cast(created_at as date) as event_date,\n");
        s.append("        cast(note as varchar) as label,\n");
        s.append("        row_number() over (partition by record_id order by created_at desc) as rn\n");
        s.append("    from source_rows\n");
        s.append(")\n");
        s.append("/* one row per id */\n");
        s.append("select\n");
        s.append("    id,\n");
        s.append("    max(category) as category,\n");
        s.append("    sum(amount) as amount,\n");
        s.append("    max(event_date) as event_date,\n");
        s.append("    max(label) as label\n");
        s.append("from renamed\n");
        s.append("where rn = 1\n");
        if (m.usesCents()) {
            s.append("  and ").append(syn.cents("amount")).append(" >= 0\n");
        }
        s.append("group by id\n");
        return s.toString();
    }

    static String derivedSql(Model m, List<Model> graph, Syntax syn) {
        StringBuilder s = new StringBuilder(2000);
        List<Model> parents = new ArrayList<>();
        for (int p : m.parents) {
            parents.add(graph.get(p));
        }
        Model first = parents.get(0);
        List<Model> others = parents.subList(1, parents.size());

        syn.config(s, m, graph);
        s.append("-- ").append(m.name).append(": synthetic ").append(m.layer.folder).append(" model\n");
        s.append("-- parents:");
        for (Model p : parents) {
            s.append(' ').append(p.name);
        }
        s.append('\n');
        s.append("with base as (\n");
        s.append("    select\n");
        s.append("        id,\n");
        s.append("        category,\n");
        s.append("        amount,\n");
        s.append("        event_date,\n");
        s.append("        label\n");
        s.append("    from ").append(syn.ref(first)).append('\n');
        s.append("    where id is not null\n");
        if (m.usesVar()) {
            s.append("      and event_date >= cast('").append(syn.startDateVar()).append("' as date)\n");
        }
        syn.incrementalFilter(s, m, "      ", "event_date");
        s.append("),\n");
        if (!others.isEmpty()) {
            s.append("other as (\n");
            for (int k = 0; k < others.size(); k++) {
                if (k > 0) {
                    s.append("    union all\n");
                }
                s.append("    select id, amount as other_amount, label as other_label\n");
                s.append("    from ").append(syn.ref(others.get(k))).append('\n');
            }
            s.append("),\n");
        }
        s.append("joined as (\n");
        s.append("    select\n");
        s.append("        b.id,\n");
        s.append("        case when b.amount > 100 then 'a' when b.amount > 10 then 'b' else 'c' end as category,\n");
        if (others.isEmpty()) {
            s.append("        coalesce(b.amount, 0) as amount,\n");
            s.append("        b.event_date,\n");
            s.append("        cast(b.label as varchar) as label,\n");
        } else {
            s.append("        coalesce(b.amount, 0) + coalesce(o.other_amount, 0) as amount,\n");
            s.append("        b.event_date,\n");
            s.append("        cast(coalesce(b.label, o.other_label) as varchar) as label,\n");
        }
        s.append("        row_number() over (partition by b.category order by b.event_date desc, b.id) as rn\n");
        s.append("    from base as b\n");
        if (!others.isEmpty()) {
            s.append("    left join other as o on b.id = o.id\n");
        }
        s.append(")\n");
        s.append("/* one row per id; keep the first 1000 rows of each category */\n");
        s.append("select\n");
        s.append("    id,\n");
        s.append("    max(category) as category,\n");
        s.append("    sum(amount) as amount,\n");
        s.append("    max(event_date) as event_date,\n");
        s.append("    max(label) as label\n");
        s.append("from joined\n");
        s.append("where rn <= 1000\n");
        if (m.usesCents()) {
            s.append("  and ").append(syn.cents("amount")).append(" >= 0\n");
        }
        s.append("group by id\n");
        return s.toString();
    }

    // ------------------------------------------------------------------------------------------
    // Properties YAML

    /** Writes one properties file; returns the number of data tests it declares. */
    static int writeProperties(Path file, List<Model> chunk, List<Model> graph) throws IOException {
        StringBuilder y = new StringBuilder(chunk.size() * 600);
        int tests = 0;
        y.append("version: 2\n\n");
        y.append("models:\n");
        for (Model m : chunk) {
            y.append("  - name: ").append(m.name).append('\n');
            y.append("    description: \"").append(description(m, graph)).append("\"\n");
            y.append("    columns:\n");
            for (String[] column : COLUMNS) {
                y.append("      - name: ").append(column[0]).append('\n');
                y.append("        description: \"").append(column[1]).append("\"\n");
                if (column[0].equals("id")) {
                    y.append("        data_tests: [unique, not_null]\n");
                    tests += 2;
                } else if (column[0].equals("category") && m.hasAcceptedValuesTest()) {
                    y.append("        data_tests:\n");
                    y.append("          - accepted_values: {values: ['a', 'b', 'c']}\n");
                    tests++;
                }
            }
        }
        write(file, y.toString());
        return tests;
    }

    static String description(Model m, List<Model> graph) {
        StringBuilder d = new StringBuilder();
        if (m.layer == Layer.STAGING) {
            d.append("Staging model ").append(m.name).append(" over raw.table_").append(m.sourceTable).append('.');
        } else {
            d.append("Synthetic ").append(m.layer.folder).append(" model ").append(m.name)
                    .append(" at depth ").append(m.depth).append(", built from");
            for (int k = 0; k < m.parents.size(); k++) {
                d.append(k == 0 ? " " : ", ").append(graph.get(m.parents.get(k)).name);
            }
            d.append('.');
        }
        if (m.isIncremental()) {
            d.append(" Incremental on event_date.");
        }
        return d.toString();
    }

    // ------------------------------------------------------------------------------------------
    // Dataform format (--format dataform): the same models, DAG and SQL as a Dataform v3 project

    /**
     * Dataform SQLX: a config block instead of the config tag and the properties YAML, and JavaScript
     * template expressions instead of FreeMarker.
     */
    static final Syntax DATAFORM = new Syntax() {
        @Override
        public void config(StringBuilder s, Model m, List<Model> graph) {
            String type = m.isIncremental() ? "incremental"
                    : (m.isHeavyTable() || m.layer == Layer.MARTS ? "table" : "view");
            List<String> tags = new ArrayList<>();
            if (m.layer == Layer.MARTS) {
                tags.add("marts"); // the folder tag of the Quarry project
            }
            if (m.isHeavyTable()) {
                tags.add("heavy");
            }
            s.append("config {\n");
            s.append("  type: \"").append(type).append("\",\n");
            if (m.isIncremental()) {
                s.append("  uniqueKey: [\"id\"],\n");
            }
            if (!tags.isEmpty()) {
                s.append("  tags: [");
                for (int k = 0; k < tags.size(); k++) {
                    s.append(k == 0 ? "" : ", ").append('"').append(tags.get(k)).append('"');
                }
                s.append("],\n");
            }
            s.append("  description: \"").append(description(m, graph)).append("\",\n");
            s.append("  columns: {\n");
            for (int k = 0; k < COLUMNS.length; k++) {
                s.append("    ").append(COLUMNS[k][0]).append(": \"").append(COLUMNS[k][1]).append('"')
                        .append(k + 1 < COLUMNS.length ? ",\n" : "\n");
            }
            s.append("  },\n");
            s.append("  assertions: {\n");
            s.append("    uniqueKey: [\"id\"],\n");
            s.append("    nonNull: [\"id\"]");
            if (m.hasAcceptedValuesTest()) {
                // accepted_values: like the Quarry test, a null category passes (the condition is then null, not false)
                s.append(",\n    rowConditions: [\"category in ('a', 'b', 'c')\"]");
            }
            s.append("\n  }\n");
            s.append("}\n");
        }

        @Override
        public String source(int table) {
            return "${ref(\"raw\", \"table_" + table + "\")}";
        }

        @Override
        public String ref(Model parent) {
            return "${ref(\"" + parent.name + "\")}";
        }

        @Override
        public String startDateVar() {
            return "${dataform.projectConfig.vars.start_date}";
        }

        @Override
        public String cents(String column) {
            return "${bench.cents(\"" + column + "\")}";
        }

        @Override
        public void incrementalFilter(StringBuilder s, Model m, String indent, String dateExpr) {
            if (m.isIncremental()) {
                s.append(indent).append("${when(incremental(), `and ").append(dateExpr)
                        .append(" > (select max(event_date) from ${self()})`)}\n");
            }
        }
    };

    static void writeDataformProject(Path out, List<Model> graph, int sourceTables, String coreVersion, long t0,
                                     boolean quiet) {
        write(out.resolve("workflow_settings.yaml"), """
                # Synthetic benchmark project written by bench/GenerateProject.java --format dataform; do not edit by hand.
                dataformCoreVersion: %s
                defaultProject: quarry-bench
                defaultLocation: US
                defaultDataset: main
                defaultAssertionDataset: main_assertions
                vars:
                  start_date: "2018-01-01"
                """.formatted(coreVersion));
        write(out.resolve("includes").resolve("bench.js"), """
                // Benchmark include library: amounts in cents.
                function cents(x) {
                  return `cast(${x} * 100 as bigint)`;
                }

                module.exports = { cents };
                """);

        StringBuilder d = new StringBuilder();
        d.append("// Source raw (schema raw): synthetic landing tables (parquet files) read by the staging models.\n");
        d.append("// Written by bench/GenerateProject.java --format dataform; do not edit by hand.\n");
        for (int k = 0; k < sourceTables; k++) {
            d.append('\n');
            d.append("declare({ schema: \"raw\", name: \"table_").append(k)
                    .append("\", description: \"Raw events, batch ").append(k).append(".\" });\n");
            d.append("assert(\"raw_table_").append(k).append("_record_id_not_null\")\n");
            d.append("  .query(ctx => `select * from ${ctx.ref(\"raw\", \"table_").append(k)
                    .append("\")} where record_id is null`);\n");
        }
        write(out.resolve("definitions").resolve("sources").resolve("raw.js"), d.toString());

        long lines = 0;
        int accepted = 0;
        for (Model m : graph) {
            String sqlx = m.layer == Layer.STAGING ? stagingSql(m, graph, DATAFORM) : derivedSql(m, graph, DATAFORM);
            write(out.resolve("definitions").resolve(m.layer.folder).resolve(m.name + ".sqlx"), sqlx);
            lines += sqlx.chars().filter(c -> c == '\n').count();
            accepted += m.hasAcceptedValuesTest() ? 1 : 0;
        }
        printStats(out, graph, sourceTables, List.of(
                String.format(Locale.ROOT, "assertions:    %d data tests in config blocks (uniqueKey %d, nonNull %d,"
                        + " rowConditions %d) + %d on sources", 2 * graph.size() + accepted, graph.size(),
                        graph.size(), accepted, sourceTables),
                String.format(Locale.ROOT, "sqlx lines:    %d (%.1f per model, config blocks included)", lines,
                        (double) lines / graph.size()),
                "dataform core: " + coreVersion),
                (System.nanoTime() - t0) / 1_000_000, quiet);
    }

    // ------------------------------------------------------------------------------------------

    /** Prints the graph statistics, then the format-specific lines in {@code tail}. */
    static void printStats(Path out, List<Model> graph, int sourceTables, List<String> tail, long millis, boolean quiet) {
        int[] perLayer = new int[Layer.values().length];
        long edges = 0;
        int maxDepth = 0;
        int incremental = 0;
        int heavy = 0;
        int withVar = 0;
        int withCents = 0;
        int[] fanIn = new int[4];
        for (Model m : graph) {
            perLayer[m.layer.ordinal()]++;
            edges += m.parents.size();
            maxDepth = Math.max(maxDepth, m.depth);
            incremental += m.isIncremental() ? 1 : 0;
            heavy += m.isHeavyTable() ? 1 : 0;
            withVar += m.usesVar() ? 1 : 0;
            withCents += m.usesCents() ? 1 : 0;
            if (m.layer != Layer.STAGING) {
                fanIn[m.parents.size()]++;
            }
        }
        // widest level above the staging layer (models sharing the same longest-path depth)
        int[] perDepth = new int[maxDepth + 1];
        for (Model m : graph) {
            if (m.layer != Layer.STAGING) {
                perDepth[m.depth]++;
            }
        }
        int widest = 0;
        for (int c : perDepth) {
            widest = Math.max(widest, c);
        }
        if (!quiet) {
            System.out.printf(Locale.ROOT, "generated %s in %d ms%n", out.toAbsolutePath().normalize(), millis);
        }
        System.out.printf(Locale.ROOT, "models:        %d (staging %d, intermediate %d, marts %d)%n",
                graph.size(), perLayer[0], perLayer[1], perLayer[2]);
        System.out.printf(Locale.ROOT, "edges:         %d ref edges (1/2/3 parents: %d/%d/%d models) + %d source edges%n",
                edges, fanIn[1], fanIn[2], fanIn[3], perLayer[0]);
        System.out.printf(Locale.ROOT, "max depth:     %d (longest ref chain, in models; widest non-staging level %d models)%n",
                maxDepth, widest);
        System.out.printf(Locale.ROOT, "sources:       1 (raw) with %d tables%n", sourceTables);
        System.out.printf(Locale.ROOT, "configs:       %d table+heavy, %d incremental, %d use var(), %d use cents()%n",
                heavy, incremental, withVar, withCents);
        for (String line : tail) {
            System.out.println(line);
        }
    }

    static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
