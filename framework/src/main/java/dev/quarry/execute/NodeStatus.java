package dev.quarry.execute;

/** How a node's run ended. */
public enum NodeStatus {
    SUCCESS,
    ERROR,
    SKIPPED,
    PASS,
    WARN,
    FAIL;

    /** The word in run_results.json and in the summary. */
    public String label() {
        return switch (this) {
            case SUCCESS -> "success";
            case ERROR -> "error";
            case SKIPPED -> "skipped";
            case PASS -> "pass";
            case WARN -> "warn";
            case FAIL -> "fail";
        };
    }

    /** Whether descendants may run after it. */
    public boolean letsDescendantsRun() {
        return switch (this) {
            case SUCCESS, PASS, WARN -> true;
            case ERROR, SKIPPED, FAIL -> false;
        };
    }
}
