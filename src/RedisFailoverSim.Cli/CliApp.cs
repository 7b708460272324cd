using CommandLine;
using RedisFailoverSim.Cli.Commands;
using RedisFailoverSim.Cli.Help;
using RedisFailoverSim.Cli.Sweep;
using RedisFailoverSim.Cli.Verbs;
using RedisFailoverSim.Engine;
using RedisFailoverSim.Scenarios;

namespace RedisFailoverSim.Cli;

/// <summary>
/// Parses the command line, dispatches to a command, and turns every failure into a message and an exit code,
/// never a stack trace.
/// </summary>
internal static class CliApp
{
    /// <summary>Runs <paramref name="args"/> against <paramref name="env"/> and returns the exit code.</summary>
    public static int Run(string[] args, CliEnvironment env)
    {
        // "rfsim help <topic>": the parser only knows verbs and answers any other word with the full help.
        if (args is ["help", var word, ..] && !VerbCatalog.All.Any(v => VerbCatalog.Name(v) == word))
        {
            return HelpTopic(word, env);
        }

        // Help and errors are written by DisplayHelp, not by the parser: help to stdout (exit 0), usage errors to
        // stderr (exit 2). The parser's own writer sends everything to stderr.
        using var parser = new Parser(settings =>
        {
            settings.HelpWriter = null;
            settings.CaseInsensitiveEnumValues = true;
            settings.ParsingCulture = System.Globalization.CultureInfo.InvariantCulture;
            settings.MaximumDisplayWidth = 110;
            settings.AllowMultiInstance = args is ["sweep", ..]; // --vary A --vary B; other verbs refuse repeats
        });
        var parsed = parser.ParseArguments(args, VerbCatalog.All);
        if (parsed is Parsed<object> { Value: { } chosen } && ExtraArguments.Problem(chosen, args[0], args) is { } problem)
        {
            env.Error.WriteLine($"{env.Tool.Name}: {problem}");
            env.Error.WriteLine($"see: {env.Tool.Name} {args[0]} --help");
            return ExitCodes.BadInput;
        }

        try
        {
            return parsed.MapResult(
                (RunVerb verb) => RunCommand.Execute(verb, env),
                (ValidateVerb verb) => ValidateCommand.Execute(verb, env),
                (ExplainVerb verb) => ExplainCommand.Execute(verb, env),
                (ListVerb _) => ListCommand.Execute(env),
                (SweepVerb verb) => SweepCommand.Execute(verb, env),
                (MergeVerb verb) => MergeCommand.Execute(verb, env),
                (PlotsVerb verb) => PlotsCommand.Execute(verb, env),
                (CalibrateVerb verb) => CalibrateCommand.Execute(verb, env),
                (DecideVerb verb) => DecideCommand.Execute(verb, env),
                errors => DisplayHelp(parsed, errors.ToList(), env));
        }
        catch (ScenarioException e)
        {
            ScenarioInput.PrintProblems(env.Error, e);
            return ExitCodes.BadInput;
        }
        catch (OperationCanceledException)
        {
            env.Error.WriteLine("cancelled: nothing was written");
            return ExitCodes.Cancelled;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            env.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (NotImplementedException e)
        {
            env.Error.WriteLine($"not implemented yet: {e.Message}");
            return ExitCodes.InternalError;
        }
#pragma warning disable CA1031 // The one place every other exception becomes a message: no stack traces for users.
        catch (Exception e)
#pragma warning restore CA1031
        {
            InternalErrors.Print(env.Error, e, replay: null);
            return ExitCodes.InternalError;
        }
    }

    private static int DisplayHelp<T>(ParserResult<T> parsed, IReadOnlyList<Error> errors, CliEnvironment env)
    {
        if (errors.IsVersion())
        {
            var commit = env.Tool.Commit is null ? "" : $" (commit {env.Tool.Commit})";
            env.Out.WriteLine($"{env.Tool.Name} {env.Tool.Version}{commit}");
            return ExitCodes.Ok;
        }

        // "rfsim help run" is the same as "rfsim run --help"; "rfsim help metrics" prints one topic of "rfsim --help".
        if (errors.OfType<HelpVerbRequestedError>().FirstOrDefault() is { Verb: { } requested } helpVerb)
        {
            if (helpVerb.Matched)
            {
                return Run([requested, "--help"], env);
            }

            return HelpTopic(requested, env);
        }

        // "rfsim" alone: the verb index, so a first try shows every command; exit 2 as for any missing argument.
        if (errors.Any(e => e is NoVerbSelectedError))
        {
            env.Out.WriteLine(VerbHelp.Index(env.Tool.Name, env.Tool.Version));
            foreach (var line in UsageErrors.Describe(errors, parsed.TypeInfo.Current))
            {
                env.Error.WriteLine($"{env.Tool.Name}: {line}");
            }

            return ExitCodes.BadInput;
        }

        if (!errors.IsHelp())
        {
            var verb = parsed.TypeInfo.Current;
            foreach (var line in UsageErrors.Describe(errors, verb))
            {
                env.Error.WriteLine($"{env.Tool.Name}: {line}");
            }

            var name = verb.GetCustomAttributes(typeof(VerbAttribute), inherit: false).OfType<VerbAttribute>().FirstOrDefault()?.Name;
            env.Error.WriteLine($"see: {env.Tool.Name} {(name is null ? "" : name + " ")}--help");
            return ExitCodes.BadInput;
        }

        // A verb's help is its own (synopsis, options, examples); the long text is printed once, by "rfsim --help".
        if (VerbCatalog.All.Contains(parsed.TypeInfo.Current))
        {
            env.Out.WriteLine(VerbHelp.Verb(parsed.TypeInfo.Current, env.Tool.Name));
            return ExitCodes.Ok;
        }

        env.Out.WriteLine(VerbHelp.Index(env.Tool.Name, env.Tool.Version));
        env.Out.WriteLine();
        env.Out.WriteLine(HelpTopics.Text());
        return ExitCodes.Ok;
    }

    private static int HelpTopic(string requested, CliEnvironment env)
    {
        var topic = HelpTopics.Names.FirstOrDefault(t => string.Equals(t, requested, StringComparison.OrdinalIgnoreCase));
        if (topic is not null)
        {
            env.Out.WriteLine(HelpTopics.Topic(topic));
            return ExitCodes.Ok;
        }

        var known = VerbCatalog.All.Select(VerbCatalog.Name).Concat(HelpTopics.Names).ToList();
        var closest = RedisFailoverSim.Scenarios.Reading.Suggestions.Closest(requested, known);
        env.Error.WriteLine($"{env.Tool.Name}: no command or help topic '{requested}'"
            + (closest is null ? "" : $"; did you mean '{closest}'?") + $" (known: {string.Join(", ", known)})");
        env.Error.WriteLine($"see: {env.Tool.Name} --help");
        return ExitCodes.BadInput;
    }
}
