using System.Globalization;
using System.Text;
using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Reporting.Output;

namespace RedisFailoverSim.Reporting.Trace;

/// <summary>
/// The plain trace: one line per event the model narrated, in simulated time, per path
/// (<c>t=40.812s  self-hosted  sentinel-3  +sdown master n1</c>). The wording comes from the model's
/// <see cref="TraceEvent"/> texts.
/// </summary>
/// <remarks>TODO(issue 6): the narrated trace (Sentinel vocabulary, heal summaries) refines these lines.</remarks>
public static class TraceText
{
    /// <summary>The file's name in the output folder.</summary>
    public const string FileName = "trace.txt";

    /// <summary>
    /// The trace lines of every path in order; with a filter, only events whose path or source contains it
    /// (ordinal, case-insensitive).
    /// </summary>
    public static IEnumerable<string> Lines(IReadOnlyList<PathResult> results, string? filter)
    {
        ArgumentNullException.ThrowIfNull(results);
        foreach (var result in results)
        {
            foreach (var e in result.Events)
            {
                if (filter is null || Contains(result.Path, filter) || Contains(e.Source, filter))
                {
                    yield return string.Create(
                        CultureInfo.InvariantCulture,
                        $"t={e.Seconds:F3}s  {result.Path}  {e.Source}  {e.Text}");
                }
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

    private static bool Contains(string text, string filter) =>
        text.Contains(filter, StringComparison.OrdinalIgnoreCase);
}
