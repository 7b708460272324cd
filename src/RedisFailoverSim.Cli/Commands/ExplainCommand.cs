using RedisFailoverSim.Cli.Verbs;
using RedisFailoverSim.Model.Catalog;
using RedisFailoverSim.Paths;
using RedisFailoverSim.Reporting.Explain;

namespace RedisFailoverSim.Cli.Commands;

/// <summary><c>rfsim explain [path]</c>: the model in words, its defaults and its assumptions.</summary>
internal static class ExplainCommand
{
    public static int Execute(ExplainVerb verb, CliEnvironment env)
    {
        if (verb.Source is { } section)
        {
            return PrintSource(section, env);
        }

        IReadOnlyList<string> paths = DeploymentPaths.All;
        if (verb.Path is { } requested)
        {
            if (!DeploymentPaths.All.Contains(requested))
            {
                env.Error.WriteLine(
                    $"unknown path '{requested}' (known: {string.Join(", ", DeploymentPaths.All)})");
                return ExitCodes.BadInput;
            }

            paths = [requested];
        }

        for (var i = 0; i < paths.Count; i++)
        {
            if (i > 0)
            {
                env.Out.WriteLine();
            }

            var path = paths[i];
            ModelExplanation.Write(env.Out, path, env.Defaults, Assumptions.For(path));
            if (!env.AvailablePaths.Contains(path))
            {
                env.Out.WriteLine();
                env.Out.WriteLine($"(not available yet: 'rfsim run' skips {path})");
            }
        }

        return ExitCodes.Ok;
    }

    private static int PrintSource(string section, CliEnvironment env)
    {
        if (SourcesDocument.TrySection(section, out var text))
        {
            env.Out.Write(text);
            return ExitCodes.Ok;
        }

        env.Error.WriteLine(
            $"docs/sources.md has no section §{section.TrimStart('§')} (sections: {string.Join(", ", SourcesDocument.SectionIds)})");
        return ExitCodes.BadInput;
    }
}
