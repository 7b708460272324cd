using CommandLine;
using CommandLine.Text;
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
        var parsed = parser.ParseArguments<RunVerb, ValidateVerb, ExplainVerb, ListVerb, SweepVerb, MergeVerb, PlotsVerb, CalibrateVerb, DecideVerb>(args);
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

        // "rfsim help run" is the same as "rfsim run --help"; the parser's help builder does not do it for us.
        if (errors.OfType<HelpVerbRequestedError>().FirstOrDefault() is { Verb: { } requested } helpVerb)
        {
            if (helpVerb.Matched)
            {
                return Run([requested, "--help"], env);
            }

            env.Error.WriteLine($"{env.Tool.Name}: unknown command '{requested}'");
            env.Error.WriteLine($"see: {env.Tool.Name} --help");
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

        var help = HelpText.AutoBuild(
            parsed,
            text =>
            {
                text.Heading = $"{env.Tool.Name} {env.Tool.Version}: a deterministic simulator of Redis failover on AWS";
                text.Copyright = "";
                text.AdditionalNewLineAfterOption = false;
                text.AddDashesToOption = true;
                text.MaximumDisplayWidth = 100;
                return text;
            },
            example => example,
            verbsIndex: parsed.TypeInfo.Current == typeof(NullInstance));

        // The topics are written after the help text rather than through it: HelpText re-wraps every line.
        env.Out.WriteLine(help);
        env.Out.WriteLine();
        env.Out.WriteLine(HelpTopics.Text());
        return ExitCodes.Ok;
    }
}
