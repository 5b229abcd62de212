package org.authbench.report;

import java.util.List;
import org.authbench.runfiles.RunFolder;

/**
 * Turns a {@link RunFolder} into the report {@link Doc} by walking the sections in order. Each number is printed
 * with the half-width of its 95% interval over forks; ratios resample both rows. Sections whose rows the run lacks
 * say so, or (the optional ones: shapes, JVMs, providers) add nothing.
 */
final class ReportBuilder {

    /** The report, in reading order. */
    static final List<Section> SECTIONS = List.of(new PrefaceSection(), new DecisionSection(), new PrecisionSection(),
            new SummarySection(), new RankingSection(), new BelowFloorSection(), new KeysVersusJwtsSection(),
            new NetworkSection(), new RevocationSection(), new RejectPathsSection(), new FrameworkSection(),
            new VersionsSection(), new ClaimCountSection(), new JwkSetSizeSection(), new IssuanceSection(),
            new CachedVerificationSection(), new ClaimsSection(), new CapacitySection(), new FleetSection(),
            new JdkComparisonSection(), new ProvidersSection(), new LatencySection(), new ConformanceSection(),
            new EnvironmentSection(), new PrecisionRowsSection(), new AllResultsSection());

    private ReportBuilder() {
    }

    static Doc build(RunFolder run) {
        Doc doc = new Doc("authbench report: " + run.dir().toAbsolutePath().normalize().getFileName());
        ReportInput in = new ReportInput(run, new Analysis(run.rows()));
        for (Section s : SECTIONS) {
            s.addTo(doc, in);
        }
        for (Doc.Section s : doc.sections) {
            s.blocks().replaceAll(b -> b instanceof Doc.Table t ? t.withoutEmptyColumns() : b);
        }
        return doc;
    }
}
