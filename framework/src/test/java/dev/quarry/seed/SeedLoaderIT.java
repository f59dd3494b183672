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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.quarry.adapter.ColumnInfo;
import dev.quarry.adapter.EngineDialect;
import dev.quarry.adapter.EngineException;
import dev.quarry.adapter.EngineSession;
import dev.quarry.adapter.QueryResult;
import dev.quarry.adapter.RelationInfo;
import dev.quarry.compile.ManifestNode;
import dev.quarry.graph.ResourceType;
import dev.quarry.seed.JdbcTestSession.Engine;
import dev.quarry.template.Relation;

/** Seeds loaded into real embedded DuckDB and H2 databases through {@link SeedLoader}. */
class SeedLoaderIT {

    @TempDir
    Path project;

    private JdbcTestSession session;

    @AfterEach
    void close() {
        if (session != null) {
            session.close();
        }
    }

    private SeedLoader loader(Engine engine) {
        session = JdbcTestSession.open(engine);
        return new SeedLoader(session, engine.dialect);
    }

    private ManifestNode seed(Engine engine, String name, Map<String, Object> config) {
        EngineDialect dialect = engine.dialect;
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
    @EnumSource(Engine.class)
    void loadsEveryType(Engine engine) {
        SeedLoader loader = loader(engine);
        Path file = write("typed", TYPED);
        Map<String, Object> config = Map.of("column_types", Map.of("price", "decimal(10,2)"));

        SeedLoadResult result = loader.load(seed(engine, "typed", config), file, false);

        assertThat(result.rowCount()).isEqualTo(3);
        assertThat(result.action()).isEqualTo(SeedPlan.Action.CREATED);
        assertThat(result.columns()).extracting(ColumnInfo::dataType).containsExactly("bigint", "double",
                "decimal(10,2)", "boolean", "date", "timestamp", "varchar");
        assertThat(rows("select id, amount, price, paid, \"day\", \"at\", district from \"main\".\"typed\" order by id"))
                .containsExactly(
                        List.of(1L, 2.5, new BigDecimal("3.10"), true, LocalDate.of(2024, 2, 29),
                                LocalDateTime.of(2024, 2, 29, 13, 45, 1), "Mission"),
                        List.of(2L, "null", "null", "null", "null", "null", "null"),
                        List.of(3L, -1000.0, new BigDecimal("0.50"), false, LocalDate.of(2018, 1, 1),
                                LocalDateTime.of(2018, 1, 1, 0, 0, 0, 500_000_000), "Bayview, \"south\""));
        assertThat(session.describe(SeedPlan.staging(engine.dialect, result.relation()))).isEmpty();
        assertThat(result.statements()).isEqualTo(session.executed);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void unchangedColumnsAreReloadedInPlaceSoViewsOnTheSeedKeepWorking(Engine engine) {
        SeedLoader loader = loader(engine);
        ManifestNode node = seed(engine, "districts", Map.of());
        loader.load(node, write("districts", "id,name\n1,Mission\n2,Bayview\n"), false);
        session.execute("create view \"main\".\"district_names\" as select name from \"main\".\"districts\"");

        SeedLoadResult again = loader.load(node, write("districts", "id,name\n3,Park\n"), false);

        assertThat(again.action()).isEqualTo(SeedPlan.Action.RELOADED);
        assertThat(rows("select * from \"main\".\"district_names\"")).containsExactly(List.of("Park"));
        assertThat(session.listRelations(false)).noneMatch(name -> name.contains("__quarry"));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void changedColumnsReplaceTheTable(Engine engine) {
        SeedLoader loader = loader(engine);
        ManifestNode node = seed(engine, "districts", Map.of());
        loader.load(node, write("districts", "id,name\n1,Mission\n"), false);

        SeedLoadResult again = loader.load(node, write("districts", "id,name,area\nA1,Park,1.5\n"), false);

        assertThat(again.action()).isEqualTo(SeedPlan.Action.REPLACED);
        assertThat(rows("select * from \"main\".\"districts\"")).containsExactly(List.of("A1", "Park", 1.5));
        assertThat(session.listRelations(false)).noneMatch(name -> name.contains("__quarry"));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void fullRefreshReplacesTheTableEvenWhenItsColumnsAreUnchanged(Engine engine) {
        SeedLoader loader = loader(engine);
        ManifestNode node = seed(engine, "districts", Map.of());
        loader.load(node, write("districts", "id,name\n1,Mission\n"), false);

        SeedLoadResult again = loader.load(node, write("districts", "id,name\n2,Park\n"), true);

        assertThat(again.action()).isEqualTo(SeedPlan.Action.REPLACED);
        assertThat(rows("select * from \"main\".\"districts\"")).containsExactly(List.of(2L, "Park"));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aFileWithErrorsChangesNothing(Engine engine) {
        SeedLoader loader = loader(engine);
        ManifestNode node = seed(engine, "districts", Map.of("column_types", Map.of("id", "bigint")));
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
    @EnumSource(Engine.class)
    void aHeaderOnlyFileIsATableOfVarcharColumnsWithoutRows(Engine engine) {
        SeedLoader loader = loader(engine);

        SeedLoadResult result = loader.load(seed(engine, "empty", Map.of()), write("empty", "id,name\n"), false);

        assertThat(result.rowCount()).isZero();
        RelationInfo table = session.describe(result.relation()).orElseThrow();
        assertThat(table.columns()).extracting(column -> column.name().toLowerCase())
                .containsExactly("id", "name");
        assertThat(table.columns()).extracting(ColumnInfo::dataType)
                .allMatch(type -> type.equals("VARCHAR") || type.equals("CHARACTER VARYING"));
        assertThat(session.value("select count(*) from \"main\".\"empty\"")).isEqualTo(0L);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void columnNamesWorkUnquotedInModelsUnlessQuoteColumnsIsSet(Engine engine) {
        SeedLoader loader = loader(engine);
        loader.load(seed(engine, "plain", Map.of()), write("plain", "Amount,year\n5,2024\n"), false);
        loader.load(seed(engine, "exact", Map.of("quote_columns", true)), write("exact", "Amount,year\n5,2024\n"),
                false);

        assertThat(rows("select amount, \"year\" from \"main\".\"plain\"")).containsExactly(List.of(5L, 2024L));
        assertThat(rows("select \"Amount\", \"year\" from \"main\".\"exact\"")).containsExactly(List.of(5L, 2024L));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aFailedLoadLeavesTheTableAsItWasAndNoStagingTable(Engine engine) {
        SeedLoader loader = loader(engine);
        ManifestNode node = seed(engine, "districts", Map.of());
        loader.load(node, write("districts", "id,name\n1,Mission\n"), false);
        SeedLoader failing = new SeedLoader(new FailingAppends(session), engine.dialect);

        assertThatThrownBy(() -> failing.load(node, write("districts", "id,name\n2,Park\n3,Bayview\n"), false))
                .isInstanceOf(EngineException.class)
                .hasMessage("disk full");

        assertThat(rows("select * from \"main\".\"districts\"")).containsExactly(List.of(1L, "Mission"));
        assertThat(session.listRelations(false)).noneMatch(name -> name.contains("__quarry"));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void loadsAHundredThousandRows(Engine engine) {
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

        SeedLoadResult result = loader.load(seed(engine, "incidents", Map.of()), write("incidents",
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

    /** A session whose bulk load fails halfway, as a full disk would. */
    private static final class FailingAppends implements EngineSession {
        private final EngineSession delegate;

        FailingAppends(EngineSession delegate) {
            this.delegate = delegate;
        }

        @Override
        public long appendRows(Relation table, List<ColumnInfo> columns, Iterator<Object[]> rows) {
            delegate.appendRows(table, columns, List.<Object[]>of(rows.next()).iterator());
            throw new EngineException("disk full", null);
        }

        @Override
        public long execute(String sql) {
            return delegate.execute(sql);
        }

        @Override
        public QueryResult query(String sql, int maxRows) {
            return delegate.query(sql, maxRows);
        }

        @Override
        public Optional<RelationInfo> describe(Relation relation) {
            return delegate.describe(relation);
        }

        @Override
        public Set<String> listRelations(boolean withDatabase) {
            return delegate.listRelations(withDatabase);
        }

        @Override
        public void createSchemaIfMissing(String database, String schema) {
            delegate.createSchemaIfMissing(database, schema);
        }

        @Override
        public void cancel() {
            delegate.cancel();
        }

        @Override
        public void close() {
            delegate.close();
        }
    }
}
