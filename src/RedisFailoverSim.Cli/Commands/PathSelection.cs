namespace RedisFailoverSim.Cli.Commands;

/// <summary>Which paths a run runs: the scenario's paths ∩ <c>--paths</c>, in report order, if available.</summary>
/// <param name="ToRun">The paths to run, in report order.</param>
/// <param name="Skipped">The scenario's paths left out because they are not available yet (none with <c>--paths</c>).</param>
internal sealed record PathSelection(IReadOnlyList<string> ToRun, IReadOnlyList<string> Skipped)
{
    /// <summary>
    /// Selects the paths, or returns null and says why on <paramref name="error"/>: an unknown name, a path the
    /// scenario does not have, a requested path that is not available yet, or nothing left to run.
    /// </summary>
    /// <summary>
    /// The paths named by <c>--paths</c> (comma-separated, repeatable), or null after printing why: given but naming
    /// none (<c>--paths ,</c>) is a slip, not "every path".
    /// </summary>
    public static List<string>? Requested(IEnumerable<string> raw, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(raw);
        ArgumentNullException.ThrowIfNull(error);
        var given = raw.ToList();
        var requested = given.SelectMany(p => p.Split(',')).Select(p => p.Trim()).Where(p => p.Length > 0).ToList();
        if (given.Count > 0 && requested.Count == 0)
        {
            error.WriteLine($"--paths: expected one or more path names separated by commas; found '{string.Join(",", given)}'");
            return null;
        }

        return requested;
    }

    public static PathSelection? TrySelect(
        IReadOnlyList<string> reportOrder,
        IReadOnlyList<string> scenarioPaths,
        IReadOnlyList<string> requested,
        IReadOnlyList<string> available,
        TextWriter error)
    {
        var known = string.Join(", ", reportOrder);
        var unknown = requested.Where(p => !reportOrder.Contains(p)).ToList();
        if (unknown.Count > 0)
        {
            error.WriteLine($"--paths: unknown path '{unknown[0]}' (known: {known})");
            return null;
        }

        if (requested.Count > 0)
        {
            foreach (var path in requested)
            {
                if (!scenarioPaths.Contains(path))
                {
                    error.WriteLine(
                        $"--paths: the scenario does not run '{path}' (its paths: {string.Join(", ", scenarioPaths)})");
                    return null;
                }

                if (!available.Contains(path))
                {
                    error.WriteLine(
                        $"--paths: path '{path}' is not available yet (available: {string.Join(", ", available)})");
                    return null;
                }
            }

            return new PathSelection(reportOrder.Where(requested.Contains).ToList(), []);
        }

        var toRun = reportOrder.Where(p => scenarioPaths.Contains(p) && available.Contains(p)).ToList();
        var skipped = reportOrder.Where(p => scenarioPaths.Contains(p) && !available.Contains(p)).ToList();
        if (toRun.Count == 0)
        {
            error.WriteLine(
                $"none of the scenario's paths ({string.Join(", ", scenarioPaths)}) is available yet "
                + $"(available: {string.Join(", ", available)})");
            return null;
        }

        return new PathSelection(toRun, skipped);
    }
}
