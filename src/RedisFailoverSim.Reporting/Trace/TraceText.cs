using System.Text;
using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Reporting.Output;

namespace RedisFailoverSim.Reporting.Trace;

/// <summary>
/// The narrated trace of <c>rfsim run --trace</c> and <c>trace.txt</c>: per path a header (<c>== self-hosted ==</c>)
/// then one line per meaningful event in simulated time, in plain words and Sentinel's vocabulary
/// (<c>t=45.772s  s4 +odown master mymaster n1 #quorum 3/3</c>), with derived story lines
/// (<c>n1 still primary, acked 412 writes since the partition began (15.000s)</c>). See <see cref="TraceNarrator"/>.
/// </summary>
public static class TraceText
{
    /// <summary>The file's name in the output folder.</summary>
    public const string FileName = "trace.txt";

    /// <summary>
    /// The narrated lines of every path, each path's block under a header. <paramref name="filter"/>, when given,
    /// keeps a path's whole block if it names the path, and otherwise the lines that mention it as a member name
    /// (<c>n1</c>, <c>s3</c>, <c>c2</c>: exact, so n1 is not n10) or as a category (<c>fault</c>, <c>sentinel</c>,
    /// <c>node</c>, <c>client</c>, <c>story</c>); case-insensitive. A path with no matching line prints nothing.
    /// </summary>
    public static IEnumerable<string> Lines(IReadOnlyList<PathResult> results, string? filter)
    {
        ArgumentNullException.ThrowIfNull(results);
        foreach (var result in results)
        {
            bool wholePath = filter is null || result.Path.Contains(filter, StringComparison.OrdinalIgnoreCase);
            var lines = TraceNarrator.Narrate(result).Where(l => wholePath || Matches(l, filter!)).ToList();
            if (lines.Count == 0)
            {
                continue;
            }

            yield return $"== {result.Path} ==";
            foreach (var line in lines)
            {
                yield return line.ToString();
            }
        }
    }

    /// <summary>trace.txt as an output file (UTF-8, LF).</summary>
    public static IReportFile File(string? filter) => new ReportFile(FileName, (report, stream) =>
    {
        var text = new StringBuilder();
        foreach (var line in Lines(report.Paths, filter))
        {
            text.Append(line).Append('\n');
        }

        stream.Write(new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text.ToString()));
    });

    private static bool Matches(TraceLine line, string filter) =>
        line.Subjects.Contains(filter, StringComparer.OrdinalIgnoreCase)
        || line.Category.ToString().Equals(filter, StringComparison.OrdinalIgnoreCase);
}
