using System.Text;
using RedisFailoverSim.Reporting.Terminal;

namespace RedisFailoverSim.Cli.Help;

/// <summary>
/// The help screens (issue 16 item 6): <c>rfsim &lt;verb&gt; --help</c> is that verb's synopsis, arguments, options
/// with their defaults and worked examples, nothing else; the long text (fault kinds, metrics, exit codes) is
/// printed once, by <c>rfsim --help</c>, and by topic with <c>rfsim help &lt;topic&gt;</c>.
/// </summary>
internal static class VerbHelp
{
    private const int Width = HelpTopics.Width;
    private const int Column = 24;

    /// <summary>The help of one verb.</summary>
    public static string Verb(Type verb, string tool)
    {
        var name = VerbCatalog.Name(verb);
        var values = VerbCatalog.Values(verb);
        var options = VerbCatalog.Options(verb);
        var text = new StringBuilder();
        var description = VerbCatalog.Description(verb);
        var summary = FirstSentence(description);
        text.AppendLine(TextWrap.Hanging($"{tool} {name}: ", summary + ".", Width));
        text.AppendLine();
        text.AppendLine(Synopsis(tool, name, values, options));
        if (description.Length > summary.Length + 2)
        {
            text.AppendLine();
            text.AppendLine(string.Join('\n', TextWrap.Lines(description[(summary.Length + 2)..], Width)));
        }
        if (values.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("Arguments:");
            foreach (var value in values)
            {
                text.AppendLine(Entry($"<{value.MetaName}>", (value.Required ? "" : "Optional. ") + value.HelpText));
            }
        }

        text.AppendLine();
        text.AppendLine("Options:");
        foreach (var option in options)
        {
            text.AppendLine(Entry(option.Spelling, option.Text));
        }

        text.AppendLine(Entry("--help", "This help."));
        text.AppendLine();
        text.AppendLine("Examples:");
        foreach (var example in VerbCatalog.Examples(verb))
        {
            text.AppendLine(TextWrap.Hanging("  # ", example.Purpose, Width));
            text.AppendLine("  " + example.CommandLine);
        }

        text.AppendLine();
        text.Append(string.Join('\n', TextWrap.Lines(
            $"Fault kinds, metrics, exit codes: {tool} --help, or {tool} help <{string.Join('|', HelpTopics.Names)}>.", Width)));
        return text.ToString();
    }

    /// <summary>Every verb with the first sentence of what it does: what <c>rfsim</c> alone and <c>rfsim --help</c> start with.</summary>
    public static string Index(string tool, string version)
    {
        var text = new StringBuilder();
        text.AppendLine($"{tool} {version}: a deterministic simulator of Redis failover on AWS");
        text.AppendLine();
        text.AppendLine($"Usage: {tool} <command> [arguments] [options]");
        text.AppendLine();
        text.AppendLine("Commands:");
        foreach (var verb in VerbCatalog.All)
        {
            text.AppendLine(TextWrap.Hanging($"  {VerbCatalog.Name(verb),-12}", FirstSentence(VerbCatalog.Description(verb)), Width));
        }

        text.AppendLine();
        text.Append(string.Join('\n', TextWrap.Lines(
            $"'{tool} <command> --help' shows a command's options and examples; '{tool} --help' also the fault kinds, "
            + $"metrics and exit codes, '{tool} help <{string.Join('|', HelpTopics.Names)}>' one of them.",
            Width)));
        return text.ToString();
    }

    /// <summary>A description's first sentence: up to the first full stop followed by a space, or all of it.</summary>
    public static string FirstSentence(string description)
    {
        var end = description.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? description.TrimEnd('.') : description[..end];
    }

    private static string Synopsis(string tool, string name, IReadOnlyList<CommandLine.ValueAttribute> values, IReadOnlyList<VerbOption> options)
    {
        var words = new List<string> { $"Usage: {tool} {name}" };
        words.AddRange(values.Select(v => v.Required ? $"<{v.MetaName}>" : $"[<{v.MetaName}>]"));
        words.AddRange(options.Where(o => o.Attribute.Required).Select(o => o.Spelling));
        words.Add("[options]");
        return TextWrap.Hanging($"{words[0]} ", string.Join(' ', words.Skip(1)), Width);
    }

    private static string Entry(string spelling, string text) =>
        spelling.Length + 2 < Column
            ? TextWrap.Hanging($"  {spelling}".PadRight(Column), text, Width)
            : $"  {spelling}\n" + TextWrap.Hanging(new string(' ', Column), text, Width);
}
