using RedisFailoverSim.Model.Catalog;

namespace RedisFailoverSim.Reporting.Report;

/// <summary>
/// The defaults and assumptions in force, each listed once with the paths it applies to (not once per path): with the
/// value the run used and where the fact comes from.
/// </summary>
internal static class ReportAssumptions
{
    /// <summary>Writes the section.</summary>
    public static void Write(RunReport report, IReportWriter w)
    {
        var paths = report.Paths.Select(p => p.Path).ToList();
        w.Heading(2, "What the model assumes");
        w.Paragraph("Every documented default the model uses, with its source (§n is a section of docs/sources.md in the "
            + "repository, with the URL or file and line and the date read; `rfsim explain --source n` prints it), "
            + "and every assumption where no source says; \"in this run\" is the value the scenario ran with.");
        w.Heading(3, "Defaults");
        var defaults = paths.SelectMany(p => ModelDefaults.For(p).Concat(AwsPathDefaults.For(p))).Distinct().ToList();
        w.Table(
            ["setting", "paths", "default", "in this run", "source", "scenario key"],
            defaults.Select(d => (IReadOnlyList<string>)
            [
                d.Name, Applies(d.Paths, paths), d.Value, SettingsInForce.Value(d.Parameter, report.World, d.Paths) ?? "-", d.Source,
                Key(d.Parameter),
            ]));
        w.Heading(3, "Assumptions");
        var assumptions = paths.SelectMany(Assumptions.For).DistinctBy(a => a.Id).ToList();
        w.Table(
            ["id", "paths", "assumption", "default", "in this run", "scenario key"],
            assumptions.Select(a => (IReadOnlyList<string>)
            [
                a.Id, Applies(a.Paths, paths), a.Text, a.DefaultValue, SettingsInForce.Value(a.Parameter, report.World, a.Paths) ?? "-",
                Key(a.Parameter),
            ]));
    }

    /// <summary>The paths of this run that an entry applies to: <c>all</c> when it is every one of them.</summary>
    private static string Applies(string entryPaths, IReadOnlyList<string> runPaths)
    {
        var applies = runPaths.Where(p => entryPaths == "all" || entryPaths.Split(", ").Contains(p)).ToList();
        return applies.Count == runPaths.Count && runPaths.Count > 1 ? "all" : string.Join(", ", applies);
    }

    private static string Key(string? parameter) => parameter is null ? "fixed" : $"`{parameter}`";
}
