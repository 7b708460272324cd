using RedisFailoverSim.Model.Catalog;

namespace RedisFailoverSim.Tests.Model.Clients;

/// <summary>
/// Every default of every client-library profile, key by key, pinned with the source the profile cites for it
/// (ClientProfiles.tsv: library, key, value as a scenario writes it, source, as <c>rfsim explain client</c> prints
/// them). ClientLibraryProfileTests, JedisProfileTests and ValkeyGlideProfileTests pin the values read at a source
/// line, with the line in a comment; this table pins all of them, the values a profile keeps from StackExchange.Redis
/// unconfirmed included, so that no value or source changes without the table saying so.
/// </summary>
public class ClientProfileTableTests
{
    private static readonly Lazy<IReadOnlyList<(string Library, string Key, string Value, string Source)>> Table = new(Read);

    public static TheoryData<string> Libraries => new(ClientLibraries.Ids);

    [Theory]
    [MemberData(nameof(Libraries))]
    public void Profile_EveryKey_HasThePinnedValueAndSource(string id)
    {
        Assert.True(ClientLibraries.TryFind(id, out var library));
        var pinned = Table.Value.Where(r => r.Library == id).ToList();

        Assert.Equal(library.Facts.Select(f => f.Key), pinned.Select(r => r.Key));
        foreach (var fact in library.Facts)
        {
            var row = pinned.Single(r => r.Key == fact.Key);
            Assert.True(row.Value == fact.Value, $"{id} {fact.Key}: pinned {row.Value}, profile {fact.Value}");
            Assert.True(row.Source == fact.Source, $"{id} {fact.Key}: pinned source '{row.Source}', profile '{fact.Source}'");
        }
    }

    [Fact]
    public void Table_NamesOnlyKnownProfilesEachOnce()
    {
        Assert.Equal(ClientLibraries.Ids, Table.Value.Select(r => r.Library).Distinct());
        Assert.Equal(Table.Value.Count, Table.Value.Select(r => (r.Library, r.Key)).Distinct().Count());
    }

    private static IReadOnlyList<(string, string, string, string)> Read()
    {
        var path = Path.Combine(RedisFailoverSim.Tests.Scenarios.RepositoryFiles.Root, "tests", "RedisFailoverSim.Tests", "Model", "Clients", "ClientProfiles.tsv");
        return File.ReadAllLines(path)
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t'))
            .Select(c => c.Length == 4 ? (c[0], c[1], c[2], c[3]) : throw new FormatException("ClientProfiles.tsv: expected 4 columns: " + string.Join(" | ", c)))
            .ToList();
    }
}
