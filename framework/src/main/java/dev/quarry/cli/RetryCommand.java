package dev.quarry.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;

import dev.quarry.artifacts.RunResultsReader;
import dev.quarry.error.Diagnostics;
import dev.quarry.error.UsageException;
import dev.quarry.execute.NodeResult;
import dev.quarry.execute.NodeStatus;
import dev.quarry.project.Project;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code quarry retry}: runs again, with the same arguments, the nodes that the last {@code run}, {@code build},
 * {@code seed} or {@code test} left failed or skipped, as {@code dbt retry} does; what {@code target/run_results.json}
 * says decides. It runs on the target and with the vars of that command, or says what to pass.
 */
@Command(name = "retry", description = "Run again the nodes the last run, build, seed or test left failed or "
        + "skipped, with its arguments.")
final class RetryCommand implements Callable<Integer> {

    /** The ends of a node's run that it is run again for. */
    private static final Set<NodeStatus> TO_RETRY = Set.of(NodeStatus.ERROR, NodeStatus.FAIL, NodeStatus.SKIPPED);

    @ParentCommand
    QuarryCommand parent;

    @Option(names = "--no-docs", description = "When retrying a build: do not write the documentation site after it.")
    boolean noDocs;

    @Override
    public Integer call() {
        Workspace workspace = new Workspace(parent.global, parent.invocation());
        Project project = workspace.load(new Diagnostics());
        RunResultsReader.LastRun last = lastRun(project).orElseThrow(() -> new UsageException("nothing to retry: "
                + "there is no target/run_results.json yet (retry runs again what the last run, build, seed or test "
                + "left failed or skipped)"));
        String command = last.command();
        if (!RunPipeline.COMMANDS.containsKey(command)) {
            throw new UsageException("the last command that wrote target/run_results.json was '" + command
                    + "', which retry does not repeat (only run, build, seed and test)");
        }
        Map<String, Object> args = last.args();
        checkSame(command, "target", args, project.target().name(), "--target ");
        checkSame(command, "vars", args, workspace.vars(), "--vars ");
        List<String> selectors = toRetry(last);
        if (selectors.isEmpty()) {
            workspace.reporter().info("Nothing to retry: every node of the last " + command + " succeeded");
            return 0;
        }
        workspace.reporter().info("Retrying the " + selectors.size() + " node" + (selectors.size() == 1 ? "" : "s")
                + " that the last " + command + " left failed or skipped");
        SelectionOptions selection = new SelectionOptions();
        selection.select = selectors;
        RunOptions run = new RunOptions();
        run.fullRefresh = Boolean.TRUE.equals(args.get("full_refresh"));
        run.threads = args.get("threads") instanceof Number threads ? threads.intValue() : null;
        run.failFast = Boolean.TRUE.equals(args.get("fail_fast"));
        RunPipeline.Options options = RunPipeline.Options.of(command, selection, run);
        return command.equals("build") ? BuildCommand.build(workspace, parent.invocation(), options, noDocs)
                : new RunPipeline(workspace).run(options);
    }

    private static java.util.Optional<RunResultsReader.LastRun> lastRun(Project project) {
        try {
            return new RunResultsReader().readLast(project.targetDir());
        } catch (IOException unreadable) {
            throw new UsageException("nothing to retry: target/run_results.json cannot be read ("
                    + String.valueOf(unreadable.getMessage()).lines().findFirst().orElse("")
                    + "); run the command again instead");
        }
    }

    /** Selectors of the nodes to run again ({@code unique_id:...}), in the order they ran. */
    private static List<String> toRetry(RunResultsReader.LastRun last) {
        List<String> selectors = new ArrayList<>();
        for (NodeResult result : last.results().results()) {
            if (TO_RETRY.contains(result.status())) {
                selectors.add("unique_id:" + result.uniqueId());
            }
        }
        return selectors;
    }

    /** A retry runs where, and as, the command did: a different --target or --vars is a usage error. */
    private static void checkSame(String command, String what, Map<String, Object> args, String now, String flag) {
        if (!args.containsKey(what)) {
            return;
        }
        String then = args.get(what) == null ? null : String.valueOf(args.get(what));
        if (!Objects.equals(then, now)) {
            throw new UsageException("the last " + command + " ran " + (then == null ? "without " + flag.strip()
                    : "with " + flag + quoted(then)) + ", and this retry " + (now == null ? "has none"
                    : "has " + flag + quoted(now)) + ": give the same " + what + " to retry it");
        }
    }

    private static String quoted(String value) {
        return value.contains(" ") || value.contains("{") ? "'" + value + "'" : value;
    }
}
