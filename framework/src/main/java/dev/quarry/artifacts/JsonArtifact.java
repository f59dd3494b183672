package dev.quarry.artifacts;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * Writes a JSON artifact under {@code target/} atomically (to a temporary file, then moved over the old one, so a
 * reader never sees half a file), opening with the {@code metadata} object every artifact carries.
 */
final class JsonArtifact {

    private static final JsonFactory FACTORY = new JsonFactory();

    /** The fields after {@code metadata}, in the artifact's top-level object. */
    @FunctionalInterface
    interface Body {
        void write(JsonGenerator json) throws IOException;
    }

    /** More {@code metadata} fields, after the common ones. */
    @FunctionalInterface
    interface Metadata {
        void write(JsonGenerator json) throws IOException;
    }

    private JsonArtifact() {
    }

    static Path write(Path targetDir, String fileName, String schemaUrl, String invocationId, Metadata metadata,
            Body body) throws IOException {
        Files.createDirectories(targetDir);
        Path file = targetDir.resolve(fileName);
        Path temporary = targetDir.resolve(fileName + ".tmp");
        try (OutputStream stream = Files.newOutputStream(temporary);
                JsonGenerator json = FACTORY.createGenerator(stream, JsonEncoding.UTF8)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeObjectFieldStart("metadata");
            json.writeStringField("quarry_schema_version", schemaUrl);
            json.writeStringField("quarry_version", QuarryVersion.get());
            json.writeStringField("generated_at", Instant.now().toString());
            json.writeStringField("invocation_id", invocationId);
            metadata.write(json);
            json.writeEndObject();
            body.write(json);
            json.writeEndObject();
        }
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return file;
    }
}
