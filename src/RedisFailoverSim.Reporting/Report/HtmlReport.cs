using System.Net;
using System.Text;
using RedisFailoverSim.Reporting.Charts;
using RedisFailoverSim.Reporting.Output;

namespace RedisFailoverSim.Reporting.Report;

/// <summary>
/// <c>report.html</c>: the report as one self-contained page. The charts are embedded as PNG data URIs and the
/// style is inline, so it opens offline, from an e-mail attachment or a CI artefact, and needs no network.
/// </summary>
internal sealed class HtmlReport : IReportWriter
{
    /// <summary>The file's name in the output folder.</summary>
    public const string FileName = "report.html";

    private const string Style = """
        body { font-family: "DejaVu Sans", "Segoe UI", Helvetica, Arial, sans-serif; color: #222; margin: 2em auto; max-width: 1320px; padding: 0 1em; line-height: 1.45; }
        h1 { font-size: 1.8em; margin-bottom: .2em; } h2 { margin-top: 1.8em; border-bottom: 1px solid #ddd; } h3 { margin-top: 1.4em; }
        table { border-collapse: collapse; margin: .6em 0 1.2em; font-size: .92em; }
        th, td { border: 1px solid #ccc; padding: .25em .55em; vertical-align: top; } th { background: #f3f3f3; text-align: left; }
        td.n { text-align: right; font-variant-numeric: tabular-nums; }
        code, pre { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: .9em; } code { background: #f3f3f3; padding: 0 .2em; }
        pre { background: #f7f7f7; border: 1px solid #e2e2e2; padding: .7em; overflow-x: auto; }
        img { max-width: 100%; height: auto; border: 1px solid #e2e2e2; }
        """;

    private readonly StringBuilder _body = new();

    /// <summary>report.html as an output file (UTF-8, LF).</summary>
    public static IReportFile File { get; } = new ReportFile(FileName, (report, stream) =>
        stream.Write(new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(Render(report))));

    /// <summary>The HTML page of <paramref name="report"/>.</summary>
    public static string Render(RunReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return Render($"{report.ScenarioName}, seed {report.Seed}: rfsim report", w => ReportContent.Write(report, w));
    }

    /// <summary>The HTML page titled <paramref name="title"/> of what <paramref name="content"/> writes.</summary>
    public static string Render(string title, Action<IReportWriter> content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var writer = new HtmlReport();
        content(writer);
        return $"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{Escape(title)}</title>
            <style>
            {Style}
            </style>
            </head>
            <body>
            {writer._body.ToString().TrimEnd('\n')}
            </body>
            </html>

            """;
    }

    /// <inheritdoc />
    public void Heading(int level, string text) => _body.Append($"<h{level}>{Inline(text)}</h{level}>\n");

    /// <inheritdoc />
    public void Paragraph(string text) => _body.Append($"<p>{Inline(text)}</p>\n");

    /// <inheritdoc />
    public void List(IEnumerable<string> items)
    {
        _body.Append("<ul>\n");
        foreach (var item in items)
        {
            _body.Append($"<li>{Inline(item)}</li>\n");
        }

        _body.Append("</ul>\n");
    }

    /// <inheritdoc />
    public void Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, IReadOnlySet<int>? rightAligned = null)
    {
        _body.Append("<table>\n<tr>");
        foreach (var h in headers)
        {
            _body.Append($"<th>{Inline(h)}</th>");
        }

        _body.Append("</tr>\n");
        foreach (var row in rows)
        {
            _body.Append("<tr>");
            for (int i = 0; i < row.Count; i++)
            {
                _body.Append(rightAligned?.Contains(i) == true ? "<td class=\"n\">" : "<td>").Append(Inline(row[i])).Append("</td>");
            }

            _body.Append("</tr>\n");
        }

        _body.Append("</table>\n");
    }

    /// <inheritdoc />
    public void Image(string fileName, string alt, Func<byte[]> png)
    {
        ArgumentNullException.ThrowIfNull(png);
        var data = Convert.ToBase64String(png());
        _body.Append($"<p><img alt=\"{Escape(alt)}\" src=\"data:image/png;base64,{data}\"></p>\n");
    }

    /// <inheritdoc />
    public void Code(string text) => _body.Append($"<pre>{Escape(text)}</pre>\n");

    private static string Escape(string text) => WebUtility.HtmlEncode(text);

    /// <summary>Escapes the text and turns <c>`code`</c> spans into code elements.</summary>
    private static string Inline(string text)
    {
        var parts = text.Split('`');
        var html = new StringBuilder();
        for (int i = 0; i < parts.Length; i++)
        {
            html.Append(i % 2 == 1 ? $"<code>{Escape(parts[i])}</code>" : Escape(parts[i]));
        }

        return html.ToString();
    }
}
