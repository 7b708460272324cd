using RedisFailoverSim.Cli;

namespace RedisFailoverSim.Tests.Cli;

[Collection(ConsoleCollection.Name)]
public class ProgramTests
{
    [Fact]
    public void Main_Help_ExitsZeroAndTeachesFaultKindsMetricsAndExamples()
    {
        using var console = new ConsoleCapture();

        var exit = Program.Main(["--help"]);

        Assert.Equal(0, exit);
        var help = console.Out.ToString();
        Assert.Contains("  az-power-interruption  every node in an AZ loses power", help, StringComparison.Ordinal);
        Assert.Contains("acknowledged writes lost [acknowledgedLost] acknowledged writes absent from the final", help, StringComparison.Ordinal);
        Assert.Contains("  rfsim run scenarios/az-partition-split-brain.yaml --seed 42", help, StringComparison.Ordinal);
        Assert.Equal("", console.Error.ToString());
    }

    [Theory]
    [InlineData("run")]
    [InlineData("validate")]
    [InlineData("explain")]
    [InlineData("list")]
    public void Main_VerbHelp_ExitsZeroWithExampleAndWithoutTheTopics(string verb)
    {
        using var console = new ConsoleCapture();

        var exit = Program.Main([verb, "--help"]);

        Assert.Equal(0, exit);
        var help = console.Out.ToString();
        Assert.Contains($"  rfsim {verb}", help, StringComparison.Ordinal);
        Assert.DoesNotContain("  one-way ", help, StringComparison.Ordinal);
        Assert.DoesNotContain("[controlPlaneSeconds] control-plane view: fault to promotion", help, StringComparison.Ordinal);
    }

    [Fact]
    public void Main_Version_ExitsZeroWithVersionOnStdout()
    {
        using var console = new ConsoleCapture();

        var exit = Program.Main(["--version"]);

        Assert.Equal(0, exit);
        Assert.StartsWith("rfsim 0.1.0", console.Out.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Main_UnknownVerb_ExitsTwoWithErrorOnStderr()
    {
        using var console = new ConsoleCapture();

        var exit = Program.Main(["bogus"]);

        Assert.Equal(2, exit);
        Assert.Equal(
            "rfsim: no command 'bogus' (commands: run, validate, explain, list, sweep, merge, plots, calibrate or decide)\nsee: rfsim --help\n", console.Error.ToString().ReplaceLineEndings("\n"));
        Assert.Equal("", console.Out.ToString());
    }

    [Fact]
    public void Main_RunWithoutScenario_ExitsTwo()
    {
        using var console = new ConsoleCapture();

        var exit = Program.Main(["run"]);

        Assert.Equal(2, exit);
        Assert.Equal("rfsim: missing <scenario>\nsee: rfsim run --help\n", console.Error.ToString().ReplaceLineEndings("\n"));
        Assert.Equal("", console.Out.ToString());
    }

    [Fact]
    public void Main_BadSeed_ExitsTwoWithOneClearLine()
    {
        using var console = new ConsoleCapture();

        var exit = Program.Main(["run", "x.yaml", "--seed", "soon"]);

        Assert.Equal(2, exit);
        Assert.Equal("rfsim: --seed: expected a whole number (0 or more)\nsee: rfsim run --help\n", console.Error.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Main_HelpVerb_IsTheVerbsOwnHelp()
    {
        string viaOption;
        using (var console = new ConsoleCapture())
        {
            Assert.Equal(0, Program.Main(["run", "--help"]));
            viaOption = console.Out.ToString();
        }

        using (var console = new ConsoleCapture())
        {
            Assert.Equal(0, Program.Main(["help", "run"]));
            Assert.Equal(viaOption, console.Out.ToString());
        }

        Assert.Contains("--trace-filter TEXT", viaOption, StringComparison.Ordinal);
    }

    [Fact]
    public void Main_RunMissingFile_ExitsTwoNamingTheFile()
    {
        using var console = new ConsoleCapture();
        var missing = Path.Combine(Path.GetTempPath(), "rfsim-no-such-" + Guid.NewGuid().ToString("N") + ".yaml");

        var exit = Program.Main(["run", missing]);

        Assert.Equal(2, exit);
        Assert.Equal($"{missing}: no such scenario file (bundled ones: rfsim list)" + Environment.NewLine, console.Error.ToString());
    }

    [Fact]
    public void Main_ValidateMissingFile_ExitsTwoNamingTheFile()
    {
        using var console = new ConsoleCapture();
        var missing = Path.Combine(Path.GetTempPath(), "rfsim-no-such-" + Guid.NewGuid().ToString("N") + ".yaml");

        var exit = Program.Main(["validate", missing]);

        Assert.Equal(2, exit);
        Assert.StartsWith($"{missing}: no such scenario file", console.Error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Main_ExplainUnknownTopic_ExitsTwoListingPathsAndTopics()
    {
        using var console = new ConsoleCapture();

        var exit = Program.Main(["explain", "redis-cluster"]);

        Assert.Equal(2, exit);
        Assert.StartsWith("unknown topic 'redis-cluster'", console.Error.ToString(), StringComparison.Ordinal);
        Assert.Contains("(topics: elasticache, serverless, memorydb, self-hosted, client [library]", console.Error.ToString(), StringComparison.Ordinal);
    }
}
