namespace RedisFailoverSim.Reporting.Output;

/// <summary>An <see cref="IReportFile"/> made of a name and a write function.</summary>
/// <param name="fileName">The file's name inside the output folder.</param>
/// <param name="write">Writes the file's bytes.</param>
public sealed class ReportFile(string fileName, Action<RunReport, Stream> write) : IReportFile
{
    /// <inheritdoc />
    public string FileName { get; } = fileName;

    /// <inheritdoc />
    public void Write(RunReport report, Stream destination) => write(report, destination);
}
