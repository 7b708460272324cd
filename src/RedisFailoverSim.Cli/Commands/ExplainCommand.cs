using RedisFailoverSim.Cli.Verbs;
using RedisFailoverSim.Model.Catalog;
using RedisFailoverSim.Paths;
using RedisFailoverSim.Reporting.Explain;

namespace RedisFailoverSim.Cli.Commands;

/// <summary><c>rfsim explain [topic]</c>: the model in words, its defaults and its assumptions, or one of them.</summary>
internal static class ExplainCommand
{
    public static int Execute(ExplainVerb verb, CliEnvironment env)
    {
        if (verb.Source is { } section)
        {
            return PrintSource(section, env);
        }

        IReadOnlyList<string> paths = DeploymentPaths.All;
        if (verb.Path is { } topic)
        {
            if (ExplainTopics.Normalize(topic) == "client")
            {
                return ExplainClient(verb.Library, env);
            }

            if (verb.Library is { } extra)
            {
                env.Error.WriteLine($"explain takes one topic (a second only after 'client'); unexpected '{extra}'");
                return ExitCodes.BadInput;
            }

            if (ExplainTopics.Path(topic) is not { } path)
            {
                return ExplainTopic(topic, env);
            }

            paths = [path];
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

    /// <summary>An assumption, a client library or a scenario key; an unknown topic gets a did-you-mean and exit 2.</summary>
    private static int ExplainTopic(string topic, CliEnvironment env)
    {
        if (ExplainTopics.Assumption(topic) is { } assumption)
        {
            TopicExplanation.Assumption(env.Out, assumption);
            return ExitCodes.Ok;
        }

        if (ExplainTopics.Library(topic) is { } library)
        {
            ClientExplanation.Write(env.Out, library);
            return ExitCodes.Ok;
        }

        if (ExplainTopics.Key(topic) is { } key)
        {
            TopicExplanation.Key(env.Out, key, env.Defaults, Assumptions.All);
            return ExitCodes.Ok;
        }

        if (ExplainTopics.FaultKind(topic) is { } kind)
        {
            TopicExplanation.FaultKind(env.Out, kind, ExplainTopics.NamingFaultKind(kind));
            return ExitCodes.Ok;
        }

        var closest = ExplainTopics.Closest(topic);
        env.Error.WriteLine($"unknown topic '{topic}'" + (closest is null ? "" : $"; did you mean '{closest}'?")
            + $" (topics: {string.Join(", ", DeploymentPaths.All)}, client [library], a client library, an assumption "
            + "id such as A33, a scenario key such as client.reconnect-base, a fault kind such as log-brownout)");
        return ExitCodes.BadInput;
    }

    /// <summary><c>rfsim explain client [library]</c>: one profile, or every profile one after another.</summary>
    private static int ExplainClient(string? id, CliEnvironment env)
    {
        IReadOnlyList<ClientLibrary> libraries = ClientLibraries.All;
        if (id is not null)
        {
            if (ExplainTopics.Library(id) is not { } library)
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
