package dev.quarry.error;

/** How bad a diagnostic is: an error stops the command, a warning is shown (and fails it under {@code --strict}). */
public enum Severity {
    ERROR,
    WARNING;

    public String label() {
        return switch (this) {
            case ERROR -> "error";
            case WARNING -> "warning";
        };
    }
}
