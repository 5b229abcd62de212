package org.authbench.cli;

import java.nio.file.Path;
import java.util.Map;
import org.authbench.env.Environment;
import org.authbench.jwt.reference.ReferenceVerifier;
import org.authbench.runfiles.RunManifest;

/**
 * Starts a run's manifest with this machine's facts and the self-test slowdown the run's forks will be given: the
 * CLI gathers them, so the run-file model depends on no adapter.
 */
final class StartManifest {

    private StartManifest() {
    }

    static RunManifest of(Path runDir, String profile, Map<String, Object> git, String[] args) {
        return RunManifest.start(runDir, profile, git, args, new RunManifest.HostFacts(Environment.jvm(),
                Environment.os(), Environment.cpu(), Environment.jcaProviders(), Environment.libraryVersions()),
                Integer.getInteger(ReferenceVerifier.SLOWDOWN_PROPERTY));
    }
}
