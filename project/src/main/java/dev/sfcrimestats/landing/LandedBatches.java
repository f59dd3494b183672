package dev.sfcrimestats.landing;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A table's batches in a landing zone: which are finished (have a manifest), publishing one, clearing leftovers. */
public final class LandedBatches {

    private final LandingZone zone;
    private final LandingLayout layout;

    public LandedBatches(LandingZone zone, LandingLayout layout) {
        this.zone = zone;
        this.layout = layout;
    }

    /** The finished batches, in the order they finished. */
    public List<BatchManifest> finished() throws IOException {
        List<BatchManifest> manifests = new ArrayList<>();
        for (String path : zone.list(layout.manifestFolder())) {
            if (path.endsWith(".json")) {
                manifests.add(BatchManifest.fromJson(zone.read(path).orElseThrow()));
            }
        }
        manifests.sort(java.util.Comparator.comparing(manifest -> java.time.Instant.parse(
                manifest.completedAt())));
        return manifests;
    }

    /** Stores the manifest, making the batch visible; a manifest already there (a resumed load) is kept. */
    public void publish(BatchManifest manifest, Path scratch) throws IOException {
        Path file = Files.createTempFile(scratch, "manifest-", ".json");
        try {
            Files.write(file, manifest.toJson());
            zone.putNew(layout.manifest(manifest.batchId()), file);
        } catch (FileAlreadyExistsException alreadyPublished) {
            // A load killed after publishing and resumed: the manifest is the same batch's.
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Deletes the batch's part files numbered above {@code keptParts}: stored by a load killed before it noted them. */
    public void dropUnnoted(String batchId, int keptParts) throws IOException {
        for (String path : zone.list(layout.tableFolder())) {
            if (LandingLayout.isPartOf(path, batchId) && LandingLayout.partNumber(path) > keptParts) {
                zone.delete(path);
            }
        }
    }

    /** Deletes every file of the batch (an abandoned or failed one that has no manifest). */
    public void dropBatch(String batchId) throws IOException {
        for (String folder : List.of(layout.tableFolder(), layout.deletedFolder())) {
            for (String path : zone.list(folder)) {
                if (LandingLayout.isPartOf(path, batchId)) {
                    zone.delete(path);
                }
            }
        }
    }

    /**
     * After a full refresh: every other batch goes, manifests first (so no reader trusts a batch losing its files),
     * then every file the kept batch does not list.
     */
    public void dropAllBut(BatchManifest kept) throws IOException {
        for (String path : zone.list(layout.manifestFolder())) {
            if (!path.equals(layout.manifest(kept.batchId()))) {
                zone.delete(path);
            }
        }
        Set<String> keep = new HashSet<>();
        kept.files().forEach(file -> keep.add(file.path()));
        for (String folder : List.of(layout.tableFolder(), layout.deletedFolder())) {
            for (String path : zone.list(folder)) {
                if (path.endsWith(".parquet") && !keep.contains(path)) {
                    zone.delete(path);
                }
            }
        }
    }
}
