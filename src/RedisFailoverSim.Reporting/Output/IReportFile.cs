namespace RedisFailoverSim.Reporting.Output;

/// <summary>
/// One file of a run's output folder (<c>results.json</c>, later <c>latency.png</c>, <c>report.html</c>…).
/// <see cref="OutputFolder"/> calls every writer in turn into a staging folder; chart and report writers plug in
/// by implementing this.
/// </summary>
public interface IReportFile
{
    /// <summary>The file's name inside the output folder: a plain name, no folder part.</summary>
    string FileName { get; }

    /// <summary>Writes the file's bytes for <paramref name="report"/>. Throwing aborts the whole folder.</summary>
    void Write(RunReport report, Stream destination);
}
