package dev.quarry.materialize;

import java.util.List;

/** Statements written as one script, as {@code target/run/<model path>.sql} holds them. */
final class Scripts {

    private Scripts() {
    }

    static String of(List<String> statements) {
        StringBuilder script = new StringBuilder();
        for (String statement : statements) {
            if (!script.isEmpty()) {
                script.append('\n');
            }
            script.append(statement.strip()).append(";\n");
        }
        return script.toString();
    }
}
