package dev.quarry.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import dev.quarry.error.Diagnostics;
import dev.quarry.project.Project;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code quarry clean}: delete the target directory. */
@Command(name = "clean", description = "Remove target/ (compiled SQL, artifacts, caches).")
final class CleanCommand implements Callable<Integer> {

    @ParentCommand
    QuarryCommand parent;

    @Override
    public Integer call() {
        Workspace workspace = new Workspace(parent.global, parent.invocation());
        Project project = workspace.load(new Diagnostics());
        Path target = project.targetDir().toAbsolutePath().normalize();
        if (!target.startsWith(workspace.projectDir()) || target.equals(workspace.projectDir())) {
            throw new dev.quarry.error.UsageException("refusing to delete " + target
                    + ": target-path must be a folder inside the project");
        }
        if (Files.exists(target)) {
            try (Stream<Path> paths = Files.walk(target)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            } catch (IOException failure) {
                throw new UncheckedIOException(failure);
            }
        }
        workspace.reporter().info("Removed " + workspace.projectDir().relativize(target));
        return 0;
    }
}
