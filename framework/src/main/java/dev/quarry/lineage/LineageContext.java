package dev.quarry.lineage;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What one analysis shares: the catalog of upstream relations' columns (asked once per relation) and the problems
 * found, each reported once however often the SQL repeats it.
 */
final class LineageContext {

    private final Function<String, Optional<List<String>>> columnsOfRelation;
    private final Map<String, Optional<List<String>>> asked = new ConcurrentHashMap<>();
    private final Set<String> problems = new LinkedHashSet<>();

    LineageContext(Function<String, Optional<List<String>>> columnsOfRelation) {
        this.columnsOfRelation = columnsOfRelation;
    }

    /** The columns of an upstream relation, lower-cased, or empty when the catalog does not know it. */
    Optional<List<String>> columnsOf(String relation) {
        return asked.computeIfAbsent(relation, name -> {
            Optional<List<String>> columns = columnsOfRelation.apply(name);
            return columns == null ? Optional.empty()
                    : columns.map(names -> names.stream().map(Identifiers::name).toList());
        });
    }

    void problem(String problem) {
        problems.add(problem);
    }

    List<String> problems() {
        return new ArrayList<>(problems);
    }
}
