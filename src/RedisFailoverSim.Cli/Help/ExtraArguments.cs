namespace RedisFailoverSim.Cli.Help;

/// <summary>
/// A verb that takes a fixed number of positional arguments collects any further ones here (a hidden value), so
/// <c>rfsim run a.yaml b.yaml</c> or <c>rfsim list foo</c> is refused instead of silently ignoring the rest.
/// </summary>
internal interface IExtraArguments
{
    /// <summary>The positional arguments past the ones the verb takes.</summary>
    IEnumerable<string> Extra { get; }

    /// <summary>What the verb takes, for the message: "one scenario file", "no arguments".</summary>
    string Takes { get; }
}

/// <summary>Checks a parsed verb for extra positional arguments and for options given an empty value.</summary>
internal static class ExtraArguments
{
    /// <summary>The problem with <paramref name="verb"/>'s arguments, or null.</summary>
    public static string? Problem(object verb, string verbName, IReadOnlyList<string> args)
    {
        if (verb is IExtraArguments { Extra: var extra } taking && extra.Any())
        {
            var list = string.Join(" ", extra.Select(e => $"'{e}'"));
            return $"{verbName} takes {taking.Takes}; unexpected {list}"
                + (taking.Takes.Contains("file", StringComparison.Ordinal) ? " (quote a path that contains spaces)" : "");
        }

        // "--out ''" or "--paths ''": an option given an empty value is a slip (an unset shell variable), not a choice.
        for (var i = 1; i + 1 < args.Count; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal) && args[i].Length > 2 && string.IsNullOrWhiteSpace(args[i + 1]))
            {
                return $"{args[i]}: expected a value; found an empty one";
            }
        }

        return null;
    }
}
