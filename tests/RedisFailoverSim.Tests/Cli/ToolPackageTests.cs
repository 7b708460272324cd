using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using CommandLine;
using RedisFailoverSim.Cli;
using RedisFailoverSim.Tests.Architecture;

namespace RedisFailoverSim.Tests.Cli;

/// <summary>
/// The .NET tool package (issue 16 item 8): it carries a readme (NuGet's "missing a readme" warning), and that readme
/// names exactly the commands the tool has. Packing itself takes minutes, so the package's size is measured by hand
/// (src/RedisFailoverSim.Cli/RedisFailoverSim.Cli.csproj says how).
/// </summary>
public sealed class ToolPackageTests
{
    private static readonly string CliFolder = Path.Combine(RepositoryRoot.Path, "src", "RedisFailoverSim.Cli");

    [Fact]
    public void Package_PacksPackageMd_AsItsReadme()
    {
        var project = XDocument.Load(Path.Combine(CliFolder, "RedisFailoverSim.Cli.csproj"));

        var readme = project.Descendants("PackageReadmeFile").Single().Value;
        var packed = project.Descendants("None").Single(n => (string?)n.Attribute("PackagePath") == readme);
        Assert.Equal("true", (string?)packed.Attribute("Pack"));
        var file = Path.Combine(CliFolder, (string)packed.Attribute("Include")!);
        Assert.True(File.Exists(file), $"{file} is not there");
    }

    [Fact]
    public void Readme_NamesEveryCommand_AndNoOther()
    {
        var text = File.ReadAllText(Path.Combine(CliFolder, "PACKAGE.md"));
        var commands = text[text.IndexOf("## Commands", StringComparison.Ordinal)..];

        var named = Regex.Matches(commands, @"^rfsim ([a-z]+)", RegexOptions.Multiline).Select(m => m.Groups[1].Value);

        var declared = typeof(CliApp).Assembly.GetTypes()
            .Select(t => t.GetCustomAttribute<VerbAttribute>()?.Name)
            .OfType<string>();
        Assert.Equal(declared.Order(StringComparer.Ordinal), named.Order(StringComparer.Ordinal));
    }
}
