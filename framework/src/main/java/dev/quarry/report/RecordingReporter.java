package dev.quarry.report;

import java.util.ArrayList;
import java.util.List;

import dev.quarry.error.Diagnostic;

/** Keeps everything reported, for tests to read. */
public final class RecordingReporter implements Reporter {

    private final List<String> infos = new ArrayList<>();
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    private final List<String> outputs = new ArrayList<>();

    @Override
    public synchronized void info(String message) {
        infos.add(message);
    }

    @Override
    public synchronized void diagnostic(Diagnostic diagnostic) {
        diagnostics.add(diagnostic);
    }

    @Override
    public synchronized void failure(String message) {
        failures.add(message);
    }

    @Override
    public synchronized void output(String line) {
        outputs.add(line);
    }

    public synchronized List<String> infos() {
        return List.copyOf(infos);
    }

    public synchronized List<Diagnostic> diagnostics() {
        return List.copyOf(diagnostics);
    }

    public synchronized List<String> failures() {
        return List.copyOf(failures);
    }

    public synchronized List<String> outputs() {
        return List.copyOf(outputs);
    }
}
