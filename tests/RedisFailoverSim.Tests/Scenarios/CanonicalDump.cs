using System.Collections;
using System.Globalization;
using System.Text;

namespace RedisFailoverSim.Tests.Scenarios;

/// <summary>
/// A canonical text of a record graph, for comparing worlds: records holding lists compare lists by
/// reference, so two equal worlds read from two files are never <c>Equals</c>. Every public property is
/// written, lists element by element, numbers in the invariant culture.
/// </summary>
internal static class CanonicalDump
{
    /// <param name="value">The graph's root.</param>
    /// <param name="ignore">A property name left out wherever it occurs, or null.</param>
    public static string Of(object? value, string? ignore = null)
    {
        var text = new StringBuilder();
        Write(value, text, 0, ignore);
        return text.ToString();
    }

    private static void Write(object? value, StringBuilder text, int depth, string? ignore)
    {
        switch (value)
        {
            case null:
                text.Append("null");
                return;
            case string s:
                text.Append('"').Append(s).Append('"');
                return;
            case IFormattable formattable when value.GetType().IsPrimitive || value is decimal || value.GetType().IsEnum:
                text.Append(formattable.ToString(null, CultureInfo.InvariantCulture));
                return;
            case bool b:
                text.Append(b ? "true" : "false");
                return;
            case IEnumerable items:
                text.Append('[');
                var first = true;
                foreach (var item in items)
                {
                    text.Append(first ? "" : ", ");
                    Write(item, text, depth + 1, ignore);
                    first = false;
                }

                text.Append(']');
                return;
        }

        var type = value.GetType();
        if (depth > 20)
        {
            throw new InvalidOperationException($"the graph under {type.Name} is too deep");
        }

        text.Append(type.Name).Append(" { ");
        foreach (var property in type.GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0).OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            if (property.Name == ignore)
            {
                continue;
            }

            text.Append(property.Name).Append(" = ");
            Write(property.GetValue(value), text, depth + 1, ignore);
            text.Append("; ");
        }

        text.Append('}');
    }
}
