package dev.quarry.ingest;

import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;

/** The loaders on the classpath, by type. */
public final class SourceLoaders {

    private final Map<String, SourceLoader> byType;

    private SourceLoaders(Map<String, SourceLoader> byType) {
        this.byType = byType;
    }

    /** Every {@link SourceLoader} the class loader finds; two of one type keep the first found. */
    public static SourceLoaders onClasspath() {
        Map<String, SourceLoader> found = new TreeMap<>();
        for (SourceLoader loader : ServiceLoader.load(SourceLoader.class)) {
            found.putIfAbsent(loader.type(), loader);
        }
        return new SourceLoaders(found);
    }

    public Optional<SourceLoader> ofType(String type) {
        return Optional.ofNullable(byType.get(type));
    }

    public Set<String> types() {
        return byType.keySet();
    }
}
