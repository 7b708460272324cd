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

        if (verb.Path == "client")
        {
            return ExplainClient(verb.Library, env);
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

    /// <summary><c>rfsim explain client [library]</c>: one profile, or every profile one after another.</summary>
    private static int ExplainClient(string? id, CliEnvironment env)
    {
        IReadOnlyList<ClientLibrary> libraries = ClientLibraries.All;
        if (id is not null)
        {
            if (!ClientLibraries.TryFind(id, out var library))
            {
                var closest = RedisFailoverSim.Scenarios.ClientLibraryNames.Closest(id);
                env.Error.WriteLine($"unknown client library '{id}'" + (closest is null ? "" : $"; did you mean '{closest}'?")
                    + $" (known: {string.Join(", ", ClientLibraries.Ids)})");
                return ExitCodes.BadInput;
            }

            libraries = [library];
        }

        for (var i = 0; i < libraries.Count; i++)
        {
            if (i > 0)
            {
                env.Out.WriteLine();
            }

            ClientExplanation.Write(env.Out, libraries[i]);
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
