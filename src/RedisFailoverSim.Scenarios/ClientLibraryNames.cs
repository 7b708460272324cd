using RedisFailoverSim.Model.Catalog;
using RedisFailoverSim.Scenarios.Reading;

namespace RedisFailoverSim.Scenarios;

/// <summary>"Did you mean" for a client library's name, as scenarios and the command line spell it.</summary>
public static class ClientLibraryNames
{
    /// <summary>The known profile id closest to <paramref name="name"/>, or null when none is close.</summary>
    public static string? Closest(string name) => Suggestions.Closest(name, ClientLibraries.Ids);
}
