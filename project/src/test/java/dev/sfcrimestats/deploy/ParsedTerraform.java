package dev.sfcrimestats.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import dev.sfcrimestats.SfProject;

/**
 * The repository's Terraform, parsed by HashiCorp's own HCL parser: {@code terraform/tools/hcl2json.cjs} runs
 * {@code @cdktf/hcl2json} (the Go HCL library as WebAssembly) under Node, since no terraform binary is available.
 *
 * <p>Without Node or the parser (a laptop that never ran {@code terraform/tools/check}) the tests that need it are skipped, saying
 * how to install it; with {@code QUARRY_REQUIRE_HCL2JSON=1} (set by {@code .ci/run}) that is a failure instead, so CI
 * cannot pass by skipping. A file that does not parse is always a failure.
 */
final class ParsedTerraform {

    static final Path REPOSITORY = SfProject.REPOSITORY;
    static final Path TERRAFORM = REPOSITORY.resolve("terraform");
    private static JsonNode parsed;

    private ParsedTerraform() {
    }

    /** Every Terraform file under terraform/, by its path relative to that folder, as hcl2json's JSON. */
    static synchronized JsonNode files() {
        if (parsed == null) {
            parsed = parse();
        }
        return parsed;
    }

    /** The parsed files under one folder of terraform/ (e.g. {@code modules/gcp/}). */
    static List<Map.Entry<String, JsonNode>> filesUnder(String folder) {
        List<Map.Entry<String, JsonNode>> result = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = files().fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> file = it.next();
            if (file.getKey().startsWith(folder)) {
                result.add(file);
            }
        }
        return result;
    }

    /** Blocks of one kind and label across the files under {@code folder}: e.g. resource google_storage_bucket. */
    static List<Block> blocks(String folder, String kind, String type) {
        List<Block> result = new ArrayList<>();
        for (Map.Entry<String, JsonNode> file : filesUnder(folder)) {
            JsonNode ofKind = file.getValue().path(kind);
            JsonNode ofType = type == null ? ofKind : ofKind.path(type);
            for (Iterator<Map.Entry<String, JsonNode>> it = ofType.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> named = it.next();
                // hcl2json gives each labelled block as a list (a label may repeat, which terraform then rejects).
                for (JsonNode body : named.getValue()) {
                    result.add(new Block(file.getKey(), type, named.getKey(), body));
                }
            }
        }
        return result;
    }

    /** Every resource block under {@code folder}, of any type. */
    static List<Block> resources(String folder) {
        List<Block> result = new ArrayList<>();
        for (Map.Entry<String, JsonNode> file : filesUnder(folder)) {
            for (Iterator<Map.Entry<String, JsonNode>> types = file.getValue().path("resource").fields(); types.hasNext(); ) {
                Map.Entry<String, JsonNode> type = types.next();
                for (Iterator<Map.Entry<String, JsonNode>> it = type.getValue().fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> named = it.next();
                    for (JsonNode body : named.getValue()) {
                        result.add(new Block(file.getKey(), type.getKey(), named.getKey(), body));
                    }
                }
            }
        }
        return result;
    }

    /** One block: its file, type (null for variables and the like), name and body. */
    record Block(String file, String type, String name, JsonNode body) {
        String address() {
            return type == null ? name : type + "." + name;
        }

        String text(String attribute) {
            JsonNode value = body.get(attribute);
            return value == null || value.isNull() ? null : value.asText();
        }

        /** A nested block (hcl2json lists nested blocks); missing node when absent. */
        JsonNode nested(String name) {
            JsonNode value = body.path(name);
            return value.isArray() && value.size() > 0 ? value.get(0) : value;
        }
    }

    private static JsonNode parse() {
        String missing = missingParser();
        if (missing != null) {
            String how = missing + ". Install it with: npm ci --prefix terraform/tools (terraform/tools/check and"
                    + " .ci/run do)";
            if (required()) {
                Assertions.fail("QUARRY_REQUIRE_HCL2JSON is set but " + how);
            }
            Assumptions.abort("the Terraform checks need the HCL parser: " + how);
        }
        try {
            ProcessBuilder builder = new ProcessBuilder(
                    "node", TERRAFORM.resolve("tools/hcl2json.cjs").toString(), TERRAFORM.toString());
            Process process = builder.start();
            // Read both streams while it runs: a full pipe would stop it.
            CompletableFuture<String> out = read(process.getInputStream());
            CompletableFuture<String> err = read(process.getErrorStream());
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                Assertions.fail("hcl2json did not finish within 120 s");
            }
            if (process.exitValue() != 0) {
                Assertions.fail("the Terraform files do not parse (exit " + process.exitValue() + "):\n" + err.join());
            }
            return new ObjectMapper().readTree(out.join());
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    private static boolean required() {
        String value = System.getenv("QUARRY_REQUIRE_HCL2JSON");
        return value != null && !value.isBlank() && !value.equals("0") && !value.equalsIgnoreCase("false");
    }

    /** Why the parser cannot run here, or null when it can. */
    private static String missingParser() {
        String module = System.getenv("HCL2JSON_MODULE");
        Path installed = module != null ? Path.of(module)
                : TERRAFORM.resolve("tools/node_modules/@cdktf/hcl2json");
        if (!Files.isRegularFile(installed.resolve("package.json"))) {
            return "@cdktf/hcl2json is not installed at " + installed;
        }
        try {
            Process node = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            node.getInputStream().readAllBytes();
            if (!node.waitFor(30, TimeUnit.SECONDS) || node.exitValue() != 0) {
                return "node --version failed";
            }
        } catch (IOException absent) {
            return "node is not on the PATH";
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
        return null;
    }

    private static CompletableFuture<String> read(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException failure) {
                throw new UncheckedIOException(failure);
            }
        });
    }
}
