package dev.sfcrimestats.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The repository's Dockerfile, read as far as the tests need: stages, WORKDIR, COPY (with --from), ENV, USER,
 * ENTRYPOINT and CMD. No Docker engine is available to build it, so the tests check what a build would copy and run
 * against the repository and the Maven build's layout instead.
 */
final class ParsedDockerfile {

    static final Path REPOSITORY = ParsedTerraform.REPOSITORY;
    static final Path DOCKERFILE = REPOSITORY.resolve("Dockerfile");
    static final Path DOCKERIGNORE = REPOSITORY.resolve(".dockerignore");

    /** One instruction: keyword (upper case), flags (--from=build ...), the rest split into words, its line. */
    record Instruction(int line, String keyword, Map<String, String> flags, List<String> args, String raw) {
    }

    /** One stage: its base image, name (AS ...) and instructions. */
    record Stage(String base, String name, List<Instruction> instructions) {
        List<Instruction> all(String keyword) {
            return instructions.stream().filter(instruction -> instruction.keyword().equals(keyword)).toList();
        }

        Optional<Instruction> last(String keyword) {
            List<Instruction> found = all(keyword);
            return found.isEmpty() ? Optional.empty() : Optional.of(found.get(found.size() - 1));
        }

        /** The WORKDIR in effect at an instruction (Docker's default is /). */
        String workdirAt(Instruction at) {
            String workdir = "/";
            for (Instruction instruction : instructions) {
                if (instruction == at) {
                    break;
                }
                if (instruction.keyword().equals("WORKDIR")) {
                    String dir = instruction.args().get(0);
                    workdir = dir.startsWith("/") ? dir : workdir.replaceAll("/$", "") + "/" + dir;
                }
            }
            return workdir;
        }

        Map<String, String> env() {
            Map<String, String> env = new LinkedHashMap<>();
            for (Instruction instruction : all("ENV")) {
                for (String pair : instruction.args()) {
                    int equals = pair.indexOf('=');
                    if (equals > 0) {
                        env.put(pair.substring(0, equals), pair.substring(equals + 1));
                    }
                }
            }
            return env;
        }
    }

    private final List<Stage> stages;

    private ParsedDockerfile(List<Stage> stages) {
        this.stages = stages;
    }

    static ParsedDockerfile read() {
        List<String> lines;
        try {
            lines = Files.readAllLines(DOCKERFILE, StandardCharsets.UTF_8);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
        List<Stage> stages = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        int startLine = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String trimmed = line.trim();
            if (pending.length() == 0 && (trimmed.isEmpty() || trimmed.startsWith("#"))) {
                continue;
            }
            if (pending.length() > 0 && trimmed.startsWith("#")) {
                continue; // a comment inside a continued instruction
            }
            if (pending.length() == 0) {
                startLine = i + 1;
            }
            if (trimmed.endsWith("\\")) {
                pending.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            pending.append(trimmed);
            String instruction = pending.toString().trim();
            pending.setLength(0);
            add(stages, startLine, instruction);
        }
        if (stages.isEmpty()) {
            throw new IllegalStateException(DOCKERFILE + " has no FROM");
        }
        return new ParsedDockerfile(stages);
    }

    private static void add(List<Stage> stages, int line, String text) {
        int space = text.indexOf(' ');
        String keyword = (space < 0 ? text : text.substring(0, space)).toUpperCase(java.util.Locale.ROOT);
        String rest = space < 0 ? "" : text.substring(space + 1).trim();
        if (keyword.equals("FROM")) {
            String[] words = rest.split("\\s+");
            String name = words.length >= 3 && words[1].equalsIgnoreCase("AS") ? words[2] : null;
            stages.add(new Stage(words[0], name, new ArrayList<>()));
            return;
        }
        if (stages.isEmpty()) {
            return; // ARG before FROM
        }
        Map<String, String> flags = new LinkedHashMap<>();
        List<String> args;
        if (rest.startsWith("[")) {
            try {
                args = new ObjectMapper().readValue(rest, new TypeReference<List<String>>() { });
            } catch (IOException notJson) {
                throw new IllegalStateException(DOCKERFILE + ":" + line + ": not a JSON array: " + rest, notJson);
            }
        } else {
            args = new ArrayList<>();
            for (String word : rest.split("\\s+")) {
                if (word.isEmpty()) {
                    continue;
                }
                if (args.isEmpty() && word.startsWith("--") && !keyword.equals("RUN")) {
                    int equals = word.indexOf('=');
                    flags.put(equals < 0 ? word.substring(2) : word.substring(2, equals),
                            equals < 0 ? "" : word.substring(equals + 1));
                } else if (keyword.equals("RUN") && args.isEmpty() && word.startsWith("--mount=")) {
                    flags.put("mount", word.substring("--mount=".length()));
                } else {
                    args.add(word);
                }
            }
        }
        stages.get(stages.size() - 1).instructions().add(new Instruction(line, keyword, flags, args, text));
    }

    List<Stage> stages() {
        return stages;
    }

    Stage stage(String name) {
        return stages.stream().filter(stage -> name.equals(stage.name())).findFirst()
                .orElseThrow(() -> new AssertionError("no stage " + name + " in " + DOCKERFILE));
    }

    Stage last() {
        return stages.get(stages.size() - 1);
    }

    /**
     * Where a path of the final image comes from in the repository: through the final stage's COPY --from=build
     * (whose sources are paths of the build stage, where WORKDIR is the repository's root) or a COPY from the build
     * context (the repository). Empty when nothing copied it.
     */
    Optional<Path> repositoryPathOf(String imagePath) {
        Stage runtime = last();
        for (Instruction copy : runtime.all("COPY")) {
            List<String> args = copy.args();
            String destination = args.get(args.size() - 1);
            String from = copy.flags().get("from");
            for (String source : args.subList(0, args.size() - 1)) {
                String target = destination.endsWith("/")
                        ? destination + Path.of(source).getFileName() : destination;
                if (imagePath.equals(target) || imagePath.startsWith(target + "/")) {
                    String rest = imagePath.substring(target.length());
                    String sourcePath = source + rest;
                    if (from == null) {
                        return Optional.of(REPOSITORY.resolve(stripSlash(sourcePath)).normalize());
                    }
                    Stage build = stage(from);
                    String workdir = build.workdirAt(build.instructions().get(build.instructions().size() - 1));
                    if (!sourcePath.startsWith(workdir + "/")) {
                        throw new AssertionError(DOCKERFILE + ":" + copy.line() + ": " + source
                                + " is outside the build stage's WORKDIR " + workdir);
                    }
                    return Optional.of(REPOSITORY.resolve(sourcePath.substring(workdir.length() + 1)).normalize());
                }
            }
        }
        return Optional.empty();
    }

    private static String stripSlash(String path) {
        return path.startsWith("/") ? path.substring(1) : path;
    }

    /**
     * Whether .dockerignore leaves a path (relative to the repository) out of the build context: Docker's rule,
     * the last pattern that matches the path or one of its parents decides, and ! patterns let paths back in.
     */
    static boolean ignored(String relativePath) {
        List<String> patterns;
        try {
            patterns = Files.readAllLines(DOCKERIGNORE, StandardCharsets.UTF_8);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
        boolean ignored = false;
        for (String line : patterns) {
            String pattern = line.trim();
            if (pattern.isEmpty() || pattern.startsWith("#")) {
                continue;
            }
            boolean negated = pattern.startsWith("!");
            if (negated) {
                pattern = pattern.substring(1).trim();
            }
            pattern = stripSlash(pattern.replaceAll("/+$", ""));
            PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
            if (matchesItselfOrParent(matcher, pattern, relativePath)) {
                ignored = !negated;
            }
        }
        return ignored;
    }

    private static boolean matchesItselfOrParent(PathMatcher matcher, String pattern, String relativePath) {
        Path path = Path.of(relativePath);
        for (Path current = path; current != null; current = current.getParent()) {
            if (matcher.matches(current)) {
                return true;
            }
            // Docker's **/ also matches at the top: **/target is target too.
            if (pattern.startsWith("**/")
                    && FileSystems.getDefault().getPathMatcher("glob:" + pattern.substring(3)).matches(current)) {
                return true;
            }
        }
        return false;
    }
}
