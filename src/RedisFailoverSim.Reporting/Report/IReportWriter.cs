namespace RedisFailoverSim.Reporting.Report;

/// <summary>
/// The blocks a report is made of; <c>ReportContent</c> writes the content once, and each format renders
/// it. Text may hold <c>`code`</c> spans; everything else is plain text that the format escapes.
/// </summary>
internal interface IReportWriter
{
    /// <summary>A heading of <paramref name="level"/> 1–3.</summary>
    void Heading(int level, string text);

    /// <summary>A paragraph.</summary>
    void Paragraph(string text);

    /// <summary>A bulleted list.</summary>
    void List(IEnumerable<string> items);

    /// <summary>A table with a header row; <paramref name="rightAligned"/> columns hold numbers.</summary>
    void Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, IReadOnlySet<int>? rightAligned = null);

    /// <summary>
    /// A chart: the PNG <paramref name="fileName"/> beside the report (Markdown links it) whose bytes
    /// <paramref name="png"/> gives (HTML embeds them), with its caption.
    /// </summary>
    void Image(string fileName, string alt, Func<byte[]> png);

    /// <summary>A block of literal text (commands).</summary>
    void Code(string text);
}
