package dev.quarry.cli;

import dev.quarry.artifacts.QuarryVersion;
import picocli.CommandLine.IVersionProvider;

/** {@code quarry --version}. */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {"quarry " + QuarryVersion.get()};
    }
}
