package dev.quarry.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import dev.quarry.compile.CompiledProject;
import dev.quarry.compile.ManifestNode;
import dev.quarry.error.Diagnostics;
import dev.quarry.error.UsageException;
import dev.quarry.project.ModelFile;
import dev.quarry.project.Project;

/**
 * A query given on the command line ({@code --inline "select ... from ${ref('x')}"}, as dbt's {@code show --inline}
 * and {@code compile --inline}): compiled as a model of the project named {@code inline_query}, from the file
 * {@code <inline>}, so that it may use everything a model may and its errors say where in it they are. Nothing of it
 * is written to {@code target/}.
 */
final class InlineQuery {

    /** Where errors in the query say they are. */
    static final String PATH = "<inline>";

    private InlineQuery() {
    }

    /**
     * The query compiled, with the project: its node carries the compiled SQL.
     *
     * @param project the project as loaded (with its compile cache being read)
     */
    static ManifestNode compile(Workspace workspace, Project project, Diagnostics diagnostics, String sql) {
        if (sql.isBlank()) {
            throw new UsageException("--inline needs a query, for example --inline \"select * from ${ref('orders')}\"");
        }
        String name = freeName(project);
        List<ModelFile> models = new ArrayList<>(project.models());
        models.add(new ModelFile(name, PATH, List.of(), sql.strip() + "\n"));
        Project withQuery = new Project(project.root(), project.config(), project.target(), project.vars(), models,
                project.macros(), project.seeds(), project.singularTests(), project.properties(), project.docs(),
                project.fileHashes());
        String id = "model." + project.name() + "." + name;
        CompiledProject compiled = workspace.compile(withQuery, diagnostics, new Workspace.Request(
                List.of("unique_id:" + id), List.of(), true, false, true), node -> { }).project();
        return compiled.nodes().get(id);
    }

    /** {@code inline_query}, or with a number after it when the project has a model of that name. */
    private static String freeName(Project project) {
        Set<String> taken = project.models().stream().map(ModelFile::name).collect(Collectors.toSet());
        String name = "inline_query";
        for (int number = 2; taken.contains(name); number++) {
            name = "inline_query_" + number;
        }
        return name;
    }
}
