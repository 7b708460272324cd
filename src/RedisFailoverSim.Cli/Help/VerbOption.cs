using CommandLine;

namespace RedisFailoverSim.Cli.Help;

/// <summary>One option a verb parses, as its help shows it.</summary>
/// <param name="Attribute">The option's declaration.</param>
/// <param name="IsSwitch">An on/off switch (a bool): it takes no value and is off unless given.</param>
internal sealed record VerbOption(OptionAttribute Attribute, bool IsSwitch)
{
    /// <summary>The long name as typed: <c>--seed</c>.</summary>
    public string LongName => "--" + Attribute.LongName;

    /// <summary>How the option is written in the help: <c>-q, --quiet</c>, <c>--seed N</c>.</summary>
    public string Spelling =>
        (string.IsNullOrEmpty(Attribute.ShortName) ? "" : $"-{Attribute.ShortName}, ")
        + LongName
        + (IsSwitch ? "" : " " + (string.IsNullOrEmpty(Attribute.MetaValue) ? "VALUE" : Attribute.MetaValue));

    /// <summary>
    /// What the help says about it: its text, with the declared default appended when the text does not state one
    /// (a switch is off by default; a required option has none).
    /// </summary>
    public string Text
    {
        get
        {
            var text = (Attribute.Required ? "Required. " : "") + Attribute.HelpText;
            return Attribute.Default is { } value && !text.Contains("Default", StringComparison.OrdinalIgnoreCase)
                ? $"{text} Default: {Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)}."
                : text;
        }
    }
}
