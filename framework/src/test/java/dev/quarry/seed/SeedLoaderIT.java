package dev.quarry.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.quarry.adapter.ColumnInfo;
import dev.quarry.adapter.EngineDialect;
import dev.quarry.adapter.EngineException;
import dev.quarry.adapter.EngineSession;
import dev.quarry.adapter.RelationInfo;
import dev.quarry.compile.ManifestNode;
import dev.quarry.graph.ResourceType;
import dev.quarry.template.Relation;

/** Seeds loaded into real embedded DuckDB and H2 databases through {@link SeedLoader}. */
class SeedLoaderIT {

    @TempDir
    Path project;

    private RecordingSession session;
    private EngineDialect dialect;

    @AfterEach
    void close() {
        if (session != null) {
            session.close();
        }
    }

    private SeedLoader loader(SeedTestEngine engine) {
        SeedTestEngine.Opened opened = engine.open();
        session = opened.session();
        dialect = opened.dialect();
        return new SeedLoader(session, dialect);
    }

    private ManifestNode seed(String name, Map<String, Object> config) {
        Relation relation = new Relation(null, "main", name, dialect.relation(null, "main", name));
        return new ManifestNode("seed.shop." + name, ResourceType.SEED, name, "shop", "seeds/" + name + ".csv", null,
                List.of("shop", name), null, null, "0", config, List.of(), null, List.of(), List.of(), List.of(),
                relation, Map.of());
    }

    private Path write(String name, String text) {
        try {
            Path file = project.resolve("seeds/" + name + ".csv");
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return file;
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    /** The rows of a query with values made comparable across engines and drivers. */
    private List<List<Object>> rows(String sql) {
        List<List<Object>> rows = new ArrayList<>();
        for (List<Object> row : session.query(sql, 1_000).rows()) {
            rows.add(row.stream().map(SeedLoaderIT::plain).toList());
        }
        return rows;
    }

    private static Object plain(Object value) {
        if (value instanceof Integer || value instanceof Short || value instanceof java.math.BigInteger) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigDecimal number && number.scale() <= 0) {
            return number.longValueExact();
        }
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate();
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toLocalDateTime();
        }
        if (value instanceof OffsetDateTime timestamp) {
            return timestamp.toLocalDateTime();
        }
        return value == null ? "null" : value;
    }

    private static final String TYPED = "id,amount,price,paid,day,at,district\n"
            + "1,2.5,3.10,true,2024-02-29,2024-02-29 13:45:01,Mission\n"
            + "2,,,,,,\n"
            + "3,-1e3,0.5,FALSE,2018-01-01,2018-01-01T00:00:00.5,\"Bayview, \"\"south\"\"\"\n";

    @ParameterizedTest
    @EnumSource(SeedTestEngine.class)
    void loadsEveryType(SeedTestEngine engine) {
        SeedLoader loader = loader(engine);
        Path file = write("typed", TYPED);
        Map<String, Object> config = Map.of("column_types", Map.of("price", "decimal(10,2)"));

        SeedLoadResult result = loader.load(seed("typed", config), file, false);

        assertThat(result.rowCount()).isEqualTo(3);
        assertThat(result.action()).isEqualTo(SeedPlan.Action.CREATED);
        assertThat(result.columns()).extracting(ColumnInfo::dataType).containsExactly("bigint", "double",
                "decimal(10,2)", "boolean", "date", "timestamp", "varchar");
        assertThat(rows("select id, amount, price, paid, \"day\", \"at\", district from \"main\".\"typed\" "
                + "order by id"))
                .containsExactly(
                        List.of(1L, 2.5, new BigDecimal("3.10"), true, LocalDate.of(2024, 2, 29),
                                LocalDateTime.of(2024, 2, 29, 13, 45, 1), "Mission"),
                        List.of(2L, "null", "null", "null", "null", "null", "null"),
                        List.of(3L, -1000.0, new BigDecimal("0.50"), false, LocalDate.of(2018, 1, 1),
                                LocalDateTime.of(2018, 1, 1, 0, 0, 0, 500_000_000), "Bayview, \"south\""));
        assertThat(session.describe(SeedPlan.staging(dialect, result.relation()))).isEmpty();
        assertThat(result.statements()).isEqualTo(session.executed);
    }

    @ParameterizedTest
    @EnumSource(SeedTestEngine.class)
    void unchangedColumnsAreReloadedInPlaceSoViewsOnTheSeedKeepWorking(SeedTestEngine engine) {
        SeedLoader loader = loader(engine);
        ManifestNode node = seed("districts", Map.of());
        loader.load(node, write("districts", "id,name\n1,Mission\n2,Bayview\n"), false);
        session.execute("create view \"main\".\"district_names\" as select name from \"main\".\"districts\"");

        SeedLoadResult again = loader.load(node, write("districts", "id,name\n3,Park\n"), false);

        assertThat(again.action()).isEqualTo(SeedPlan.Action.RELOADED);
        assertThat(rows("select * from \"main\".\"district_names\"")).containsExactly(List.of("Park"));
        assertThat(session.listRelations(false).keySet()).noneMatch(name -> name.contains("__quarry"));
    }

    @ParameterizedTest
    @EnumSource(SeedTestEngine.class)
    void changedColumnsReplaceTheTable(SeedTestEngine engine) {
        SeedLoader loader = loader(engine);
        ManifestNode node = seed("districts", Map.of());
        loader.load(node, write("districts", "id,name\n1,Mission\n"), false);

        SeedLoadResult again = loader.load(node, write("districts", "id,name,area\nA1,Park,1.5\n"), false);

        assertThat(again.action()).isEqualTo(SeedPlan.Action.REPLACED);
        assertThat(rows("select * from \"main\".\"districts\"")).containsExactly(List.of("A1", "Park", 1.5));
        assertThat(session.listRelations(false).keySet()).noneMatch(name -> name.contains("__quarry"));
    }

    @ParameterizedTest
    @EnumSource(SeedTestEngine.class)
    void fullRefreshReplacesTheTableEvenWhenItsColumnsAreUnchanged(SeedTestEngine engine) {
        SeedLoader loader = loader(engine);
        ManifestNode node = seed("districts", Map.of());
        loader.load(node, write("districts", "id,name\n1,Mission\n"), false);

        SeedLoadResult again = loader.load(node, write("districts", "id,name\n2,Park\n"), true);

        assertThat(again.action()).isEqualTo(SeedPlan.Action.REPLACED);
        assertThat(rows("select * from \"main\".\"districts\"")).containsExactly(List.of(2L, "Park"));
    }

    @ParameterizedTest
    @EnumSource(SeedTestEngine.class)
    void aFileWithErrorsChangesNothing(SeedTestEngine engine) {
        SeedLoader loader = loader(engine);
        ManifestNode node = seed("districts", Map.of("column_types", Map.of("id", "bigint")));
        loader.load(node, write("districts", "id,name\n1,Mission\n"), false);
        int executedBefore = session.executed.size();

        assertThatThrownBy(() -> loader.load(node, write("districts", "id,name\nx,Park\n2\n"), false))
                .isInstanceOfSatisfying(SeedFileException.class, failure -> {
                    assertThat(failure).hasMessage("seeds/districts.csv has errors; nothing of it was loaded");
                    assertThat(SeedFiles.messages(failure.diagnostics())).containsExactly(
                            "seeds/districts.csv:2:1: 'x' is not a bigint (column 'id', set by column_types)",
                            "seeds/districts.csv:3:2: row has 1 value, the header has 2");
                });

        assertThat(session.executed).hasSize(executedBefore);
        assertThat(rows("select * from \"main\".\"districts\"")).containsExactly(List.of(1L, "Mission"));
    }

    @ParameterizedTest
    @EnumSource(SeedTestEngine.class)
    void aHeaderOnlyFileIsATableOfVarcharColumnsWithoutRows(SeedTestEngine engine) {
        SeedLoader loader = loader(engine);

        SeedLoadResult result = loader.load(seed("empty", Map.of()), write("empty", "id,name\n"), false);

        assertThat(result.rowCount()).isZero();
        RelationInfo table = session.describe(result.relation()).orElseThrow();
        assertThat(table.columns()).extracting(column -> column.name().toLowerCase())
                .containsExactly("id", "name");
        assertThat(table.columns()).extracting(ColumnInfo::dataType)
                .allMatch(type -> type.equalsIgnoreCase("VARCHAR") || type.equalsIgnoreCase("CHARACTER VARYING"));
        assertThat(session.value("select count(*) from \"main\".\"empty\"")).isEqualTo(0L);
    }

    @ParameterizedTest
    @EnumSource(SeedTestEngine.class)
    void columnNamesWorkUnquotedInModelsUnlessQuoteColumnsIsSet(SeedTestEngine engine) {
        SeedLoader loader = loader(engine);
        loader.load(seed("plain", Map.of()), write("plain", "Amount,year\n5,2024\n"), false);
        loader.load(seed("exact", Map.of("quote_columns", true)), write("exact", "Amount,year\n5,2024\n"),
                false);

        assertThat(rows("select amount, \"year\" from \"main\".\"plain\"")).containsExactly(List.of(5L, 2024L));
        assertThat(rows("select \"Amount\", \"year\" from \"main\".\"exact\"")).containsExactly(List.of(5L, 2024L));
    }

    @ParameterizedTest
    @EnumSource(SeedTestEngine.class)
    void aFailedBulkLoadLeavesTheTableAsItWasAndNoStagingTable(SeedTestEngine engine) {
        SeedLoader loader = loader(engine);
        ManifestNode node = seed("districts", Map.of());
        loader.load(node, write("districts", "id,name\n1,Mission\n"), false);
        SeedLoader failing = new SeedLoader(new FailingSession(session, true, null), dialect);

        assertThatThrownBy(() -> failing.load(node, write("districts", "id,name\n2,Park\n3,Bayview\n"), false))
                .isInstanceOf(EngineException.class)
                .hasMessage("disk full");

        assertThat(rows("select * from \"main\".\"districts\"")).containsExactly(List.of(1L, "Mission"));
        assertThat(session.listRelations(false).keySet()).noneMatch(name -> name.contains("__quarry"));
    }

    @ParameterizedTest
    @EnumSource(SeedTestEngine.class)
    void aSwapThatFailsHalfwayPutsTheOldTableBack(SeedTestEngine engine) {
        SeedLoader loader = loader(engine);
        ManifestNode node = seed("districts", Map.of());
        loader.load(node, write("districts", "id,name\n1,Mission\n"), false);
        String renameIntoPlace = dialect.rename(SeedPlan.staging(dialect, node.relation()),
                dev.quarry.adapter.RelationType.TABLE, "districts");
        SeedLoader failing = new SeedLoader(new FailingSession(session, false, renameIntoPlace), dialect);

        assertThatThrownBy(() -> failing.load(node, write("districts", "code,name,area\nA,Park,1.5\n"), false))
                .isInstanceOf(EngineException.class);

        assertThat(rows("select * from \"main\".\"districts\"")).containsExactly(List.of(1L, "Mission"));
        assertThat(session.listRelations(false).keySet()).noneMatch(name -> name.contains("__quarry"));
    }

    @ParameterizedTest
    @EnumSource(SeedTestEngine.class)
    void onDuckDbTheWholeLoadIsOneTransaction(SeedTestEngine engine) {
        SeedLoader loader = loader(engine);

        SeedLoadResult result = loader.load(seed("districts", Map.of()), write("districts", "id\n1\n"),
                false);

        if (engine.isDuckDb()) {
            assertThat(result.statements()).startsWith("create schema if not exists \"main\"", "begin transaction")
                    .endsWith("commit");
        } else {
            assertThat(result.statements()).doesNotContain("begin transaction", "commit");
        }
    }

    @org.junit.jupiter.api.Test
    void seedsLoadInParallelIntoANewSchemaOnDuckDb() throws Exception {
        Path first = write("first", "id\n1\n");
        Path second = write("second", "id\n2\n");
        try (dev.quarry.adapter.duckdb.DuckDbAdapter adapter = dev.quarry.adapter.duckdb.DuckDbAdapter.open(
                new dev.quarry.project.Target("test", "dev", "duckdb", "main", null, 2, Map.of("path", ":memory:"),
                        dev.quarry.error.SourceLocation.of("profiles.yml")), project);
                EngineSession one = adapter.openSession();
                EngineSession two = adapter.openSession()) {
            dialect = adapter.dialect();
            java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
            java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                var loads = List.of(
                        threads.submit(() -> loadAfter(together, one, "first", first)),
                        threads.submit(() -> loadAfter(together, two, "second", second)));
                for (var load : loads) {
                    assertThat(load.get().rowCount()).isEqualTo(1);
                }
            } finally {
                threads.shutdownNow();
            }
            assertThat(one.query("select count(*) from \"staging\".\"first\", \"staging\".\"second\"", 1).rows())
                    .containsExactly(List.of(1L));
        }
    }

    private SeedLoadResult loadAfter(java.util.concurrent.CyclicBarrier together, EngineSession session, String name,
            Path file) throws Exception {
        ManifestNode node = seed(name, Map.of());
        Relation inNewSchema = new Relation(null, "staging", name, dialect.relation(null, "staging", name));
        ManifestNode seed = new ManifestNode(node.uniqueId(), node.type(), name, node.packageName(), node.path(), null,
                node.fqn(), null, null, "0", Map.of(), List.of(), null, List.of(), List.of(), List.of(), inNewSchema,
                Map.of());
        together.await();
        return new SeedLoader(session, dialect).load(seed, file, false);
    }

    @ParameterizedTest
    @EnumSource(SeedTestEngine.class)
    void loadsAHundredThousandRows(SeedTestEngine engine) {
        SeedLoader loader = loader(engine);
        StringBuilder text = new StringBuilder("id,district,amount,resolved,day,at\n");
        for (int id = 1; id <= 100_000; id++) {
            text.append(id).append(",\"District ").append(id % 10).append(", SF\",")
                    .append(id % 7 == 0 ? "" : String.valueOf(id / 4.0)).append(',')
                    .append(id % 2 == 0).append(',')
                    .append(LocalDate.of(2018, 1, 1).plusDays(id % 1_000)).append(',')
                    .append(LocalDateTime.of(2018, 1, 1, 0, 0).plusSeconds(id).toLocalDate()).append(' ')
                    .append(String.format("%02d:%02d:%02d", id / 3600 % 24, id / 60 % 60, id % 60)).append('\n');
        }

        SeedLoadResult result = loader.load(seed("incidents", Map.of()), write("incidents",
                text.toString()), false);

        assertThat(result.rowCount()).isEqualTo(100_000);
        assertThat(result.columns()).extracting(ColumnInfo::dataType).containsExactly("bigint", "varchar",
                "double", "boolean", "date", "timestamp");
        assertThat(rows("select count(*), sum(id), count(amount), cast(sum(amount) as double), "
                + "sum(case when resolved then 1 else 0 end), min(\"day\"), max(\"day\"), count(distinct district), "
                + "max(\"at\") from \"main\".\"incidents\"")).containsExactly(List.of(100_000L, 5_000_050_000L,
                        85_715L, expectedAmountSum(), 50_000L, LocalDate.of(2018, 1, 1),
                        LocalDate.of(2018, 1, 1).plusDays(999), 10L, LocalDateTime.of(2018, 1, 2, 3, 46, 40)));
    }

    private static double expectedAmountSum() {
        double sum = 0;
        for (int id = 1; id <= 100_000; id++) {
            if (id % 7 != 0) {
                sum += id / 4.0;
            }
        }
        return sum;
    }

    /** A session that fails as a full disk would: halfway through the bulk load, or at one statement. */
    private static final class FailingSession extends ForwardingSession {
        private final boolean failAppend;
        private final String failStatement;

        FailingSession(EngineSession delegate, boolean failAppend, String failStatement) {
            super(delegate);
            this.failAppend = failAppend;
            this.failStatement = failStatement;
        }

        @Override
        public long appendRows(Relation table, List<ColumnInfo> columns, Iterator<Object[]> rows) {
            if (!failAppend) {
                return delegate.appendRows(table, columns, rows);
            }
            delegate.appendRows(table, columns, List.<Object[]>of(rows.next()).iterator());
            throw new EngineException("disk full", null);
        }

        @Override
        public long execute(String sql) {
            if (sql.equals(failStatement)) {
                throw new EngineException("disk full", null);
            }
            return delegate.execute(sql);
        }
    }
}
