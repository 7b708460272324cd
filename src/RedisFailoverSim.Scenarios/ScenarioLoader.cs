namespace RedisFailoverSim.Scenarios;

/// <summary>Reads a scenario YAML file into a validated <see cref="Scenario"/>.</summary>
public static class ScenarioLoader
{
    /// <summary>Loads and validates a scenario file; throws <see cref="ScenarioException"/> listing every problem.</summary>
    public static Scenario Load(string path) => throw new NotImplementedException("scenario loading is being built");
}
