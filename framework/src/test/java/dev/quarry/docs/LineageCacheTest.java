package dev.quarry.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.quarry.lineage.ColumnLineage;
import dev.quarry.lineage.LineageResult;
import dev.quarry.project.CacheFile;

class LineageCacheTest {

    private static final String BUILD = "test-build";
    private static final String SQL = "select * from \"main\".\"orders\"";
    /** A result no analysis of {@link #SQL} gives: finding it proves the kept entry was used. */
    private static final LineageResult KEPT = new LineageResult(List.of(), List.of("kept from the last build"));

    @TempDir
    Path target;

    private final Map<String, List<String>> catalog = new HashMap<>(Map.of("main.orders", List.of("id", "total")));
    private final Function<String, Optional<List<String>>> columnsOf =
            relation -> Optional.ofNullable(catalog.get(relation));

    @Test
    void aModelWhoseSqlAndUpstreamColumnsAreUnchangedIsNotAnalysedAgain() throws IOException {
        keep(SQL, Map.of("main.orders", List.of("id", "total")));

        assertThat(LineageCache.load(target, BUILD).analyze("model.a", SQL, columnsOf)).isEqualTo(KEPT);
    }

    @Test
    void changedUpstreamColumnsAreAnalysedAgain() throws IOException {
        keep(SQL, Map.of("main.orders", List.of("id")));

        LineageResult result = LineageCache.load(target, BUILD).analyze("model.a", SQL, columnsOf);

        assertThat(result).isEqualTo(ColumnLineage.analyze(SQL, columnsOf));
        assertThat(result.columns()).extracting(column -> column.name()).containsExactly("id", "total");
    }

    @Test
    void changedSqlIsAnalysedAgain() throws IOException {
        keep(SQL, Map.of("main.orders", List.of("id", "total")));
        String changed = "select id from \"main\".\"orders\"";

        LineageResult result = LineageCache.load(target, BUILD).analyze("model.a", changed, columnsOf);

        assertThat(result).isEqualTo(ColumnLineage.analyze(changed, columnsOf));
    }

    @Test
    void whatABuildFoundIsReadBackTheSameAndOnlyUsedEntriesAreSaved() throws IOException {
        String join = "select o.id, o.total * 2 as doubled, c.* from \"main\".\"orders\" o "
                + "join \"main\".\"customers\" c on c.id = o.customer_id";
        catalog.put("main.customers", List.of("name"));
        LineageCache first = LineageCache.load(target, BUILD);
        LineageResult found = first.analyze("model.join", join, columnsOf);
        first.save(target, BUILD);

        LineageCache second = LineageCache.load(target, BUILD);
        assertThat(second.analyze("model.join", join, columnsOf)).isEqualTo(found);
        second.analyze("model.other", SQL, columnsOf);
        second.save(target, BUILD);
        LineageCache third = LineageCache.load(target, BUILD);
        third.save(target, BUILD);

        assertThat(new CacheFile(target, "lineage-cache.bin", BUILD).read(LineageCacheCodec::read))
                .hasValueSatisfying(entries -> assertThat(entries).isEmpty());
        assertThat(found.columns()).extracting(column -> column.name()).containsExactly("id", "doubled", "name");
    }

    /** Writes a cache file with one entry for {@code model.a}: the {@link #KEPT} result for that SQL and answers. */
    private void keep(String sql, Map<String, List<String>> asked) throws IOException {
        Map<String, LineageCache.Entry> entries = Map.of("model.a",
                new LineageCache.Entry(LineageCache.hash(sql), asked, KEPT));
        new CacheFile(target, "lineage-cache.bin", BUILD).write(out -> LineageCacheCodec.write(entries, out));
    }
}
