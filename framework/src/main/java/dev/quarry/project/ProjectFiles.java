package dev.quarry.project;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import dev.quarry.error.Diagnostics;
import dev.quarry.error.SourceLocation;

/** Reads project files (strict UTF-8) by their path relative to the project directory. */
final class ProjectFiles {

    private ProjectFiles() {
    }

    /** Reads a project file, reporting one that is unreadable or not UTF-8; empty then. */
    static Optional<String> read(Path projectDir, String relativePath, Diagnostics diagnostics) {
        try {
            return readUtf8(projectDir.resolve(relativePath), relativePath, diagnostics);
        } catch (IOException unreadable) {
            diagnostics.error(new SourceLocation(relativePath, 1, 1), "cannot read the file: " + describe(unreadable),
                    "check that it exists and that you may read it");
            return Optional.empty();
        }
    }

    static Optional<String> readUtf8(Path file, String label, Diagnostics diagnostics) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        if (isAscii(bytes)) {
            // Most project files are plain ASCII, which is valid UTF-8 as it is: no decoder, no char buffer.
            return Optional.of(new String(bytes, StandardCharsets.US_ASCII));
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            String text = decoder.decode(ByteBuffer.wrap(bytes)).toString();
            return Optional.of(text.startsWith("\uFEFF") ? text.substring(1) : text);
        } catch (CharacterCodingException notUtf8) {
            diagnostics.error(firstBadByte(bytes, label), "the file is not valid UTF-8",
                    "save it as UTF-8 (for example: iconv -f latin1 -t utf-8)");
            return Optional.empty();
        }
    }

    private static boolean isAscii(byte[] bytes) {
        for (byte value : bytes) {
            if (value < 0) {
                return false;
            }
        }
        return true;
    }

    /** Walks the UTF-8 sequences to the first invalid one, counting lines and characters. */
    private static SourceLocation firstBadByte(byte[] bytes, String label) {
        int line = 1;
        int column = 1;
        int position = 0;
        while (position < bytes.length) {
            int length = sequenceLength(bytes[position]);
            boolean valid = length > 0 && position + length <= bytes.length;
            for (int i = 1; valid && i < length; i++) {
                valid = (bytes[position + i] & 0xC0) == 0x80;
            }
            if (!valid) {
                return new SourceLocation(label, line, column);
            }
            if (bytes[position] == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
            position += length;
        }
        return new SourceLocation(label, line, column);
    }

    private static int sequenceLength(byte lead) {
        int value = lead & 0xFF;
        if (value < 0x80) {
            return 1;
        }
        if (value >= 0xC2 && value < 0xE0) {
            return 2;
        }
        if (value >= 0xE0 && value < 0xF0) {
            return 3;
        }
        return value >= 0xF0 && value < 0xF5 ? 4 : 0;
    }

    private static String describe(IOException exception) {
        if (exception instanceof java.nio.file.NoSuchFileException) {
            return "it does not exist (a broken link?)";
        }
        if (exception instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        String message = exception.getMessage();
        return message == null ? "input/output error" : message.toLowerCase(java.util.Locale.ROOT);
    }

    /** The file's name without folder and ending: the model, seed or test name. */
    static String stem(String relativePath) {
        String name = relativePath.substring(relativePath.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }

    /** The folders between the root folder and the file: {@code models/staging/x.sql} gives {@code [staging]}. */
    static List<String> foldersUnder(String rootFolder, String relativePath) {
        String inside = relativePath.substring(rootFolder.length() + 1);
        String[] parts = inside.split("/");
        return List.of(parts).subList(0, parts.length - 1);
    }
}
