package dev.quarry.cli;

import java.nio.file.Path;
import java.util.Arrays;

/** The {@code quarry} executable. */
public final class QuarryMain {

    private QuarryMain() {
    }

    public static void main(String[] arguments) {
        boolean debug = Arrays.asList(arguments).contains("--debug");
        // slf4j-simple reads its level once, when the first logger is made: set it before anything logs.
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", debug ? "debug" : "warn");
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        int exitCode = QuarryCli.run(arguments, System.out, System.err, System.getenv(),
                Path.of(System.getProperty("user.home")), System.console() != null);
        System.exit(exitCode);
    }
}
