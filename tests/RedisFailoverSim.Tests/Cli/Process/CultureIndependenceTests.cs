using RedisFailoverSim.Tests.Sweep;

namespace RedisFailoverSim.Tests.Cli.Process;

/// <summary>
/// The real rfsim process under German and French locales and an odd time zone writes the same bytes, charts and
/// report included (issue 12: roles.svg ticks read "50,6" under de_DE, lost-writes.svg "5 000" under fr_FR).
/// </summary>
public sealed class CultureIndependenceTests : IDisposable
{
    private readonly SweepFixture _sweep = new();

    public void Dispose() => _sweep.Dispose();

    [Fact]
    public void Run_UnderDeFrAndKolkata_WritesByteIdenticalFolders()
    {
        var reference = Run("reference", ("LC_ALL", "C.UTF-8"), ("TZ", "UTC"));
        var others = new[]
        {
            Run("de", ("LC_ALL", "de_DE.UTF-8"), ("LANG", "de_DE.UTF-8"), ("TZ", "UTC")),
            Run("fr", ("LC_ALL", "fr_FR.UTF-8"), ("LANG", "fr_FR.UTF-8"), ("TZ", "UTC")),
            Run("kolkata", ("LC_ALL", "C.UTF-8"), ("TZ", "Asia/Kolkata")),
        };

        Assert.Contains(reference, f => f.Name == "roles.svg");
        Assert.Contains(reference, f => f.Name == "report.html");
        foreach (var other in others)
        {
            Assert.Equal(reference.Select(f => f.Name), other.Select(f => f.Name));
            foreach (var (file, index) in reference.Select((f, i) => (f, i)))
            {
                Assert.True(file.Bytes.AsSpan().SequenceEqual(other[index].Bytes), $"{file.Name} differs");
            }
        }
    }

    private IReadOnlyList<(string Name, byte[] Bytes)> Run(string name, params (string Key, string Value)[] environment)
    {
        var folder = _sweep.Folder(name);
        using var rfsim = RealCli.Start(["run", _sweep.ScenarioFile, "--out", folder, "--quiet"], environment);
        var stderr = rfsim.StandardError.ReadToEndAsync();
        rfsim.StandardOutput.ReadToEnd();
        Assert.True(rfsim.WaitForExit(120_000));
        Assert.True(rfsim.ExitCode == 0, stderr.Result);
        return SweepFixture.Files(folder);
    }
}
