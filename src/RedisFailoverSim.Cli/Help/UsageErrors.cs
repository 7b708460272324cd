using System.Reflection;
using CommandLine;
using CommandLine.Text;

namespace RedisFailoverSim.Cli.Help;

/// <summary>
/// Usage errors as one clear line each (issue 6: bad flags get one clear message, not a screen of help), in
/// the user's words: <c>missing &lt;scenario&gt;</c>, <c>--seed: expected a whole number</c>.
/// </summary>
internal static class UsageErrors
{
    /// <summary>One line per error, for the verb type <paramref name="verb"/> (or <c>NullInstance</c> without verb).</summary>
    public static IReadOnlyList<string> Describe(IEnumerable<Error> errors, Type verb)
    {
        var sentences = SentenceBuilder.Create();
        return errors
            .Where(e => e.Tag is not (ErrorType.HelpRequestedError or ErrorType.VersionRequestedError))
            .Select(e => e switch
            {
                MissingValueOptionError when RequiredValueName(verb) is { } name => $"missing <{name}>",
                MissingRequiredOptionError missing when missing.NameInfo.Equals(NameInfo.EmptyName)
                    && RequiredValueName(verb) is { } name => $"missing <{name}>",
                BadFormatConversionError bad when bad.NameInfo.LongName == "seed" => "--seed: expected a whole number (0 or more)",
                NoVerbSelectedError => "no command given: use run, sweep, merge, validate, explain, list, decide, plots or calibrate",
                _ => sentences.FormatError(e),
            })
            .Distinct()
            .ToList();
    }

    private static string? RequiredValueName(Type verb) =>
        verb.GetProperties()
            .Select(p => p.GetCustomAttribute<ValueAttribute>())
            .FirstOrDefault(v => v is { Required: true })?.MetaName;
}
