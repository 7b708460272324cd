using System.Reflection;
using CommandLine;
using RedisFailoverSim.Cli;
using RedisFailoverSim.Cli.Help;
using RedisFailoverSim.Tests.Architecture;

namespace RedisFailoverSim.Tests.Cli;

/// <summary>
/// Each verb's --help (issue 16 item 6): its own synopsis, exactly the options the verb parses with their defaults and
/// worked examples on bundled scenarios, without the long text that 'rfsim --help' prints once.
/// </summary>
public sealed class VerbHelpTests : IDisposable
{
    private readonly CliFixture _cli = new();

    public void Dispose() => _cli.Dispose();

    /// <summary>Every verb the Cli assembly declares, found by its attribute rather than from a list.</summary>
    public static TheoryData<string> Verbs()
    {
        var data = new TheoryData<string>();
        foreach (var name in DeclaredVerbs().Select(v => v.Name))
        {
            data.Add(name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Verbs))]
    public void Help_ListsExactlyTheOptionsTheVerbParses(string verb)
    {
        var type = DeclaredVerbs().Single(v => v.Name == verb).Type;
        var declared = type.GetProperties()
            .Select(p => p.GetCustomAttribute<OptionAttribute>())
            .OfType<OptionAttribute>()
            .Where(o => !o.Hidden)
            .Select(o => "--" + o.LongName)
            .Append("--help")
            .Order(StringComparer.Ordinal);

        var listed = OptionNames(Help(verb));

        Assert.Equal(declared, listed.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Verbs))]
    public void Help_EveryListedOption_IsOneTheParserAccepts(string verb)
    {
        using var parser = new Parser(s => s.HelpWriter = null);
        foreach (var name in OptionNames(Help(verb)).Where(n => n != "--help"))
        {
            var result = parser.ParseArguments([verb, name, "1"], VerbCatalog.All);

            Assert.DoesNotContain(result.Errors, e => e is UnknownOptionError);
        }
    }

    [Theory]
    [MemberData(nameof(Verbs))]
    public void Help_IsTheVerbsOwn_SynopsisOptionsWithDefaultsExamples_NotTheLongText(string verb)
    {
        var help = Help(verb);
        var lines = help.Split('\n');

        Assert.StartsWith($"rfsim {verb}: ", lines[0], StringComparison.Ordinal);
        Assert.Single(lines, l => l.StartsWith($"Usage: rfsim {verb}", StringComparison.Ordinal));
        Assert.DoesNotContain("FAULT KINDS", help, StringComparison.Ordinal);
        Assert.DoesNotContain("METRICS", help, StringComparison.Ordinal);
        Assert.Contains("rfsim help <faults|metrics|accounting|exit-codes|examples>", help.ReplaceLineEndings(" "), StringComparison.Ordinal);
        Assert.All(lines, l => Assert.True(l.Length <= HelpTopics.Width, $"{l.Length} columns: {l}"));
        var type = DeclaredVerbs().Single(v => v.Name == verb).Type;
        foreach (var option in type.GetProperties().Where(p => p.GetCustomAttribute<OptionAttribute>() is { Required: false, Hidden: false } && p.PropertyType != typeof(bool)))
        {
            var entry = Entry(help, "--" + option.GetCustomAttribute<OptionAttribute>()!.LongName);
            Assert.True(entry.Contains("default", StringComparison.OrdinalIgnoreCase), $"{verb} {entry} states no default");
        }
    }

    [Theory]
    [MemberData(nameof(Verbs))]
    public void Examples_TwoOrThree_EachParsesAndNamesABundledScenario(string verb)
    {
        var type = DeclaredVerbs().Single(v => v.Name == verb).Type;
        var examples = VerbCatalog.Examples(type);
        Assert.InRange(examples.Count, 2, 3);
        var help = Help(verb);
        using var parser = new Parser(s => { s.HelpWriter = null; s.AllowMultiInstance = true; });
        foreach (var example in examples)
        {
            Assert.Contains("  " + example.CommandLine + "\n", help, StringComparison.Ordinal);
            var words = example.CommandLine.Split(' ');
            Assert.Equal("rfsim", words[0]);
            var parsed = parser.ParseArguments(words[1..], VerbCatalog.All);
            Assert.True(parsed is Parsed<object>, $"'{example.CommandLine}' does not parse: {string.Join("; ", parsed.Errors)}");
            var value = ((Parsed<object>)parsed).Value;
            var scenario = value.GetType().GetProperty("Scenario")?.GetValue(value) ?? value.GetType().GetProperty("File")?.GetValue(value);
            if (scenario is string named)
            {
                var file = named.EndsWith(".yaml", StringComparison.Ordinal) ? named : $"scenarios/{named}.yaml";
                Assert.True(File.Exists(Path.Combine(RepositoryRoot.Path, file)), $"'{example.CommandLine}': {file} is not bundled");
            }
        }
    }

    [Fact]
    public void NoArguments_ListsEveryVerb_CalibrateAndPlotsIncluded()
    {
        var exit = _cli.Run();

        Assert.Equal(2, exit);
        var text = _cli.Out.ToString().ReplaceLineEndings("\n");
        foreach (var (name, _) in DeclaredVerbs())
        {
            Assert.Single(text.Split('\n'), l => l.StartsWith($"  {name} ", StringComparison.Ordinal));
        }

        Assert.Contains("  calibrate ", text, StringComparison.Ordinal);
        Assert.Contains("  plots ", text, StringComparison.Ordinal);
        Assert.Equal($"rfsim: no command given: use one of {AllCommands}\n", _cli.Error.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void NoCommand_NamesEveryDeclaredVerb()
    {
        Assert.Equal(DeclaredVerbs().Select(v => v.Name).Order(StringComparer.Ordinal),
            AllCommands.Replace(" or ", ", ", StringComparison.Ordinal).Split(", ").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void AnOptionWhereTheCommandShouldBe_IsNoCommandGiven_NotAnUnknownVerb()
    {
        var exit = _cli.Run("--seed", "4");

        Assert.Equal(2, exit);
        Assert.Equal(
            $"rfsim: no command given before '--seed' (options follow the command): use one of {AllCommands}\nsee: rfsim --help\n",
            _cli.Error.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void AnUnknownCommand_GetsADidYouMean()
    {
        var exit = _cli.Run("rn", "primary-crash");

        Assert.Equal(2, exit);
        Assert.Equal(
            $"rfsim: no command 'rn'; did you mean 'run'? (commands: {AllCommands})\nsee: rfsim --help\n",
            _cli.Error.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Help_TheLongText_IsPrintedOnceByHelpAndByTopic()
    {
        Assert.Equal(0, _cli.Run("--help"));
        var full = _cli.Out.ToString().ReplaceLineEndings("\n");
        Assert.Single(full.Split('\n'), l => l.StartsWith("FAULT KINDS", StringComparison.Ordinal));
        Assert.Contains("  decide ", full, StringComparison.Ordinal);
        _cli.Out.GetStringBuilder().Clear();

        Assert.Equal(0, _cli.Run("help", "exit-codes"));

        Assert.Equal(HelpTopics.Topic("exit-codes") + "\n", _cli.Out.ToString().ReplaceLineEndings("\n"));
        Assert.Contains(HelpTopics.Topic("exit-codes"), full, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_UnknownTopic_SuggestsTheClosestAndExitsTwo()
    {
        var exit = _cli.Run("help", "metrix");

        Assert.Equal(2, exit);
        Assert.StartsWith("rfsim: no command or help topic 'metrix'; did you mean 'metrics'?", _cli.Error.ToString(), StringComparison.Ordinal);
        Assert.Equal("", _cli.Out.ToString());
    }

    private string Help(string verb)
    {
        _cli.Out.GetStringBuilder().Clear();
        Assert.Equal(0, _cli.Run(verb, "--help"));
        return _cli.Out.ToString().ReplaceLineEndings("\n");
    }

    /// <summary>The verbs in the index's order, as the usage errors name them.</summary>
    private const string AllCommands = "run, validate, explain, list, sweep, merge, plots, calibrate or decide";

    private static IEnumerable<(string Name, Type Type)> DeclaredVerbs() =>
        typeof(CliApp).Assembly.GetTypes()
            .Select(t => (Type: t, Verb: t.GetCustomAttribute<VerbAttribute>()))
            .Where(t => t.Verb is not null)
            .Select(t => (t.Verb!.Name, t.Type))
            .OrderBy(t => t.Name, StringComparer.Ordinal);

    /// <summary>The option lines (each starts with two spaces and a dash) of the Options: section.</summary>
    private static IReadOnlyList<string> OptionsSection(string help) =>
        help.Split('\n')
            .SkipWhile(l => l != "Options:")
            .Skip(1)
            .TakeWhile(l => l.Length > 0)
            .Where(l => l.StartsWith("  -", StringComparison.Ordinal))
            .ToList();

    private static IEnumerable<string> OptionNames(string help) =>
        OptionsSection(help).Select(l => l.TrimStart().Split(' ').First(w => w.StartsWith("--", StringComparison.Ordinal)));

    /// <summary>An option's entry: its line and the indented lines that follow it.</summary>
    private static string Entry(string help, string option)
    {
        var lines = help.Split('\n').SkipWhile(l => l != "Options:").Skip(1).TakeWhile(l => l.Length > 0).ToList();
        var start = lines.FindIndex(l => l.StartsWith("  -", StringComparison.Ordinal) && l.TrimStart().Split(' ').Select(w => w.TrimEnd(',')).Contains(option));
        Assert.True(start >= 0, $"{option} is not listed");
        return string.Join(' ', lines.Skip(start).Take(1).Concat(lines.Skip(start + 1).TakeWhile(l => !l.StartsWith("  -", StringComparison.Ordinal))));
    }
}
