using System.Text;

namespace RedisFailoverSim.Reporting.Sweep;

/// <summary>The CSV conventions of results.csv: RFC 4180 quoting, LF line ends, UTF-8 without BOM.</summary>
internal static class SweepCsv
{
    public static void Write(Stream destination, IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<string>> rows)
    {
        ArgumentNullException.ThrowIfNull(destination);
        destination.Write(new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(Text(columns, rows)));
    }

    public static string Text(IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<string>> rows)
    {
        var text = new StringBuilder();
        text.Append(string.Join(',', columns)).Append('\n');
        foreach (var row in rows)
        {
            if (row.Count != columns.Count)
            {
                throw new InvalidOperationException($"a row has {row.Count} cells for {columns.Count} columns");
            }

            text.Append(string.Join(',', row.Select(Quote))).Append('\n');
        }

        return text.ToString();
    }

    private static string Quote(string cell) =>
        cell.AsSpan().IndexOfAny(",\"\r\n") < 0 ? cell : "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
