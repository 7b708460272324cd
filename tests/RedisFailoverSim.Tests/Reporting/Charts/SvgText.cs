using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace RedisFailoverSim.Tests.Reporting.Charts;

/// <summary>The text of a chart's SVG, its text elements joined by spaces (so a wrapped legend entry reads whole).</summary>
internal static partial class SvgText
{
    public static string Of(byte[] svg) =>
        string.Join(' ', TextElement().Matches(Encoding.UTF8.GetString(svg)).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value.Trim())));

    [GeneratedRegex(@"<text[^>]*>(.*?)</text>", RegexOptions.Singleline)]
    private static partial Regex TextElement();
}
