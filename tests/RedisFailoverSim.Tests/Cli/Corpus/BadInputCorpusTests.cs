using System.Text;
using RedisFailoverSim.Reporting.Output;
using RedisFailoverSim.Tests.Reporting;

namespace RedisFailoverSim.Tests.Cli.Corpus;

/// <summary>
/// Issue 12's bar, over hundreds of malformed or extreme inputs through the real loader, paths, charts and report:
/// <c>validate</c> and <c>run</c> exit 0 or 2, never 3 and never with a stack trace; an exit 2 names the file and,
/// where the problem has a place, its line; nothing is left behind but a complete output folder.
/// </summary>
public sealed class BadInputCorpusTests
{
    public static TheoryData<string> ScenarioCases()
    {
        var data = new TheoryData<string>();
        foreach (var (name, _) in BadScenarioCorpus.Cases())
        {
            data.Add(name);
        }

        return data;
    }

    public static TheoryData<int> CommandLineCases()
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < BadCommandLineCorpus.Cases().Count(); i++)
        {
            data.Add(i);
        }

        return data;
    }

    [Fact]
    public void Corpus_HoldsAtLeastTheIssuesHundredAndFifty()
    {
        Assert.True(BadScenarioCorpus.Cases().Count() + BadCommandLineCorpus.Cases().Count() >= 150);
        Assert.Equal(BadScenarioCorpus.Cases().Count(), BadScenarioCorpus.Cases().Select(c => c.Name).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(ScenarioCases))]
    public void ScenarioFile_ValidateAndRun_ExitZeroOrTwoAndLeaveNothingHalfWritten(string name)
    {
        using var temp = new TempFolder();
        var file = Path.Combine(temp.Path, "case.yaml");
        File.WriteAllText(file, BadScenarioCorpus.Cases().Single(c => c.Name == name).Text, new UTF8Encoding(false));

        var (validate, validateError) = Run(temp.Path, "validate", file);
        var output = Path.Combine(temp.Path, "out");
        var (run, runError) = Run(temp.Path, "run", file, "--out", output, "--quiet");

        Assert.True(validate is 0 or 2, $"validate exit {validate}: {validateError}");
        Assert.True(run is 0 or 2, $"run exit {run}: {runError}");
        // A valid scenario too big to run in reasonable time validates, and run refuses it unless --force.
        Assert.True(validate == run || (validate == 0 && runError.Contains("--force", StringComparison.Ordinal)), runError);
        foreach (var error in new[] { validateError, runError })
        {
            Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
            Assert.DoesNotContain("internal error", error, StringComparison.Ordinal);
        }

        if (run == 2)
        {
            Assert.StartsWith(file + ":", runError, StringComparison.Ordinal);
            Assert.Matches(@"^[^\n]*case\.yaml:(\d+:\d+: |[^\d])", runError);
            Assert.Equal(["case.yaml"], Entries(temp.Path));
        }
        else
        {
            Assert.Equal(["case.yaml", "out"], Entries(temp.Path));
            Assert.True(File.Exists(Path.Combine(output, OutputManifest.RunFileName)));
        }
    }

    [Fact]
    public void ScenarioFile_NotUtf8_ExitsTwoNamingTheFile()
    {
        using var temp = new TempFolder();
        var file = Path.Combine(temp.Path, "latin1.yaml");
        File.WriteAllBytes(file, [.. Encoding.ASCII.GetBytes("name: caf"), 0xE9, (byte)'\n']);

        var (exit, error) = Run(temp.Path, "run", file, "--out", Path.Combine(temp.Path, "out"));

        Assert.Equal(2, exit);
        Assert.Contains("latin1.yaml", error, StringComparison.Ordinal);
        Assert.Contains("UTF-8", error, StringComparison.Ordinal);
        Assert.Equal(["latin1.yaml"], Entries(temp.Path));
    }

    [Theory]
    [MemberData(nameof(CommandLineCases))]
    public void CommandLine_Bad_ExitsTwoWithoutAStackTraceAndWritesNothing(int index)
    {
        using var temp = new TempFolder();
        var scenario = Path.Combine(temp.Path, "ok.yaml");
        var plain = Path.Combine(temp.Path, "plain.txt");
        File.WriteAllText(scenario, BadScenarioCorpus.Base + "\n");
        File.WriteAllText(plain, "a user's file");
        var args = BadCommandLineCorpus.Cases().ElementAt(index)
            .Select(a => a.Replace("{scenario}", scenario, StringComparison.Ordinal)
                .Replace("{root}", temp.Path, StringComparison.Ordinal)
                .Replace("{file}", plain, StringComparison.Ordinal))
            .ToArray();

        var (exit, error) = Run(temp.Path, args);

        Assert.True(exit == 2, $"rfsim {string.Join(' ', args)}: exit {exit}\n{error}");
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(error));
        Assert.Equal(["ok.yaml", "plain.txt"], Entries(temp.Path));
        Assert.Equal("a user's file", File.ReadAllText(plain));
    }

    private static IEnumerable<string> Entries(string folder) =>
        Directory.EnumerateFileSystemEntries(folder).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal);

    private static (int Exit, string Error) Run(string root, params string[] args) => RealCli.Run(root, args);
}
