using System.Text;
using RedisFailoverSim.Reporting.Charts;
using RedisFailoverSim.Reporting.Output;

namespace RedisFailoverSim.Reporting.Report;

/// <summary><c>report.md</c>: the report as GitHub-flavoured Markdown, charts linked as the PNGs beside it.</summary>
internal sealed class MarkdownReport : IReportWriter
{
    /// <summary>The file's name in the output folder.</summary>
    public const string FileName = "report.md";

    private readonly StringBuilder _text = new();

    /// <summary>report.md as an output file (UTF-8, LF).</summary>
    public static IReportFile File { get; } = new ReportFile(FileName, (report, stream) =>
        stream.Write(new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(Render(report))));

    /// <summary>The Markdown text of <paramref name="report"/>.</summary>
    public static string Render(RunReport report) => Render(w => ReportContent.Write(report, w));

    /// <summary>The Markdown text of what <paramref name="content"/> writes (a run's report or a sweep's).</summary>
    public static string Render(Action<IReportWriter> content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var writer = new MarkdownReport();
        content(writer);
        return writer._text.ToString().TrimEnd('\n') + "\n";
    }

    /// <inheritdoc />
    public void Heading(int level, string text) => _text.Append('#', level).Append(' ').Append(Inline(text)).Append("\n\n");

    /// <inheritdoc />
    public void Paragraph(string text) => _text.Append(Inline(text)).Append("\n\n");

    /// <inheritdoc />
    public void List(IEnumerable<string> items)
    {
        foreach (var item in items)
        {
            _text.Append("- ").Append(Inline(item)).Append('\n');
        }

        _text.Append('\n');
    }

    /// <inheritdoc />
    public void Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, IReadOnlySet<int>? rightAligned = null)
    {
        _text.Append("| ").AppendJoin(" | ", headers.Select(Cell)).Append(" |\n");
        _text.Append('|').AppendJoin('|', headers.Select((_, i) => rightAligned?.Contains(i) == true ? " ---: " : " --- ")).Append("|\n");
        foreach (var row in rows)
        {
            _text.Append("| ").AppendJoin(" | ", row.Select(Cell)).Append(" |\n");
        }

        _text.Append('\n');
    }

    /// <inheritdoc />
    public void Image(string fileName, string alt, Func<byte[]> png) =>
        _text.Append("![").Append(Inline(alt).Replace("]", "\\]", StringComparison.Ordinal)).Append("](").Append(fileName).Append(")\n\n");

    /// <inheritdoc />
    public void Code(string text) => _text.Append("```text\n").Append(text).Append("\n```\n\n");

    private static string Cell(string text) => Inline(text).Replace("|", "\\|", StringComparison.Ordinal);

    /// <summary>
    /// Escapes what Markdown would read as markup outside <c>`code`</c> spans: <c>* &lt; [ ] \</c>, a leading
    /// <c>#</c>, and an underscore at a word's edge (<c>__sentinel__</c>; <c>down_after_ms</c> stays as it is).
    /// </summary>
    private static string Inline(string text)
    {
        var result = new StringBuilder(text.Length);
        bool code = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            bool edge = c == '_' && (i == 0 || !char.IsLetterOrDigit(text[i - 1]) || i == text.Length - 1 || !char.IsLetterOrDigit(text[i + 1]));
            if (c == '`')
            {
                code = !code;
            }
            else if (!code && (c is '*' or '<' or '[' or ']' or '\\' || edge || (c == '#' && i == 0)))
            {
                result.Append('\\');
            }

            result.Append(c);
        }

        return result.ToString();
    }
}
