using RedisFailoverSim.Scenarios;
using RedisFailoverSim.Scenarios.Prices;

namespace RedisFailoverSim.Cli.Commands;

/// <summary>Loads the price table a command was given (<c>--prices FILE</c>), or the bundled us-east-1 table.</summary>
internal static class PriceInput
{
    /// <summary>The table, or null after printing one <c>file:line:col: message</c> line per problem.</summary>
    public static PriceCatalog? TryLoad(CliEnvironment env, string? file)
    {
        try
        {
            return file is null ? PriceLoader.Bundled() : PriceLoader.Load(file);
        }
        catch (ScenarioException e)
        {
            ScenarioInput.PrintProblems(env.Error, e);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            env.Error.WriteLine($"{file}: cannot read: {e.Message}");
            return null;
        }
    }
}
