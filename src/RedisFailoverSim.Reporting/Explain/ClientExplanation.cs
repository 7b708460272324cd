using RedisFailoverSim.Model.Catalog;

namespace RedisFailoverSim.Reporting.Explain;

/// <summary>What <c>rfsim explain client &lt;library&gt;</c> prints: a profile's every default with its source.</summary>
public static class ClientExplanation
{
    /// <summary>Writes the profile of <paramref name="library"/> to <paramref name="output"/>.</summary>
    public static void Write(TextWriter output, ClientLibrary library)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(library);
        var title = $"client library {library.Name} ({library.Id}), {library.Version}";
        output.WriteLine(title);
        output.WriteLine(new string('=', title.Length));
        output.WriteLine($"Scenario: client: {{ library: {library.Id} }}; any key below overrides the profile's value.");
        output.WriteLine($"One client only: topology.clients: [{{ name: c1, az: az-a, client: {{ library: {library.Id} }} }}, ...].");
        output.WriteLine($"Calibration: {library.Calibration}");
        output.WriteLine();
        int keyWidth = library.Facts.Max(f => f.Key.Length);
        int valueWidth = library.Facts.Max(f => f.Value.Length);
        output.WriteLine($"{"key".PadRight(keyWidth)}  {"value".PadRight(valueWidth)}  source");
        foreach (var fact in library.Facts)
        {
            output.WriteLine($"{fact.Key.PadRight(keyWidth)}  {fact.Value.PadRight(valueWidth)}  {fact.Source}");
        }

        if (library.NotModelled.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("Not modelled yet:");
            foreach (var line in library.NotModelled)
            {
                output.WriteLine("- " + line);
            }
        }
    }
}
