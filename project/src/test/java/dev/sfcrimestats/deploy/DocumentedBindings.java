package dev.sfcrimestats.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The least-privilege table of docs/DEPLOYMENT.md (between {@code <!-- iam-bindings:begin -->} and
 * {@code <!-- iam-bindings:end -->}): the one list of IAM bindings, which the Terraform must match row for row.
 */
final class DocumentedBindings {

    static final Path DOCUMENT = ParsedTerraform.REPOSITORY.resolve("docs/DEPLOYMENT.md");

    /** One row: who, which role, on which Terraform resource ({@code project} for the project), and why. */
    record Row(int line, String principal, String role, String resource, String why) {
        Binding binding() {
            return new Binding(principal, role, resource);
        }
    }

    /** A binding without its reason: what the Terraform is compared on. */
    record Binding(String principal, String role, String resource) {
        @Override
        public String toString() {
            return principal + " | " + role + " | " + resource;
        }
    }

    private DocumentedBindings() {
    }

    static List<Row> rows() {
        List<String> lines;
        try {
            lines = Files.readAllLines(DOCUMENT, StandardCharsets.UTF_8);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
        int begin = lines.indexOf("<!-- iam-bindings:begin -->");
        int end = lines.indexOf("<!-- iam-bindings:end -->");
        if (begin < 0 || end < begin) {
            throw new IllegalStateException(DOCUMENT + " has no <!-- iam-bindings:begin --> ... end --> table");
        }
        List<Row> rows = new ArrayList<>();
        boolean header = true;
        for (int i = begin + 1; i < end; i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty()) {
                continue;
            }
            if (!line.startsWith("|") || !line.endsWith("|")) {
                throw new IllegalStateException(DOCUMENT + ":" + (i + 1) + ": not a table row: " + line);
            }
            String[] cells = line.substring(1, line.length() - 1).split("\\|", -1);
            if (cells.length != 4) {
                throw new IllegalStateException(DOCUMENT + ":" + (i + 1) + ": expected 4 cells (principal, role,"
                        + " resource, why), found " + cells.length + " (a | inside a reason?)");
            }
            if (header) {
                // The header and the --- line under it.
                if (cells[0].trim().startsWith("---")) {
                    header = false;
                }
                continue;
            }
            rows.add(new Row(i + 1, plain(cells[0]), plain(cells[1]), plain(cells[2]), cells[3].trim()));
        }
        return rows;
    }

    private static String plain(String cell) {
        return cell.trim().replace("`", "");
    }
}
