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
                NoVerbSelectedError => NoCommand(before: null),
                BadVerbSelectedError bad when bad.Token.Length == 0 || bad.Token.StartsWith('-') => NoCommand(bad.Token),
                BadVerbSelectedError bad => UnknownCommand(bad.Token),
                _ => sentences.FormatError(e),
            })
            .Distinct()
            .ToList();
    }

    /// <summary>
    /// <c>rfsim</c> alone, or an option where the command should be (<c>rfsim --seed 4</c>, which the parser reports
    /// as the unknown verb '--seed'): the commands by name, from <see cref="VerbCatalog"/> so none is left out.
    /// </summary>
    private static string NoCommand(string? before)
    {
        var where = before is null ? "" : $" before '{before}' (options follow the command)";
        return $"no command given{where}: use one of {Commands()}";
    }

    private static string UnknownCommand(string token)
    {
        var names = VerbCatalog.All.Select(VerbCatalog.Name).ToList();
        var closest = RedisFailoverSim.Scenarios.Reading.Suggestions.Closest(token, names);
        return $"no command '{token}'" + (closest is null ? "" : $"; did you mean '{closest}'?") + $" (commands: {Commands()})";
    }

    private static string Commands()
    {
        var names = VerbCatalog.All.Select(VerbCatalog.Name).ToList();
        return string.Join(", ", names.Take(names.Count - 1)) + " or " + names[^1];
    }

    private static string? RequiredValueName(Type verb) =>
        verb.GetProperties()
            .Select(p => p.GetCustomAttribute<ValueAttribute>())
            .FirstOrDefault(v => v is { Required: true })?.MetaName;
}
