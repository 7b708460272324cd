using System.Reflection;
using CommandLine;
using RedisFailoverSim.Cli.Sweep;
using RedisFailoverSim.Cli.Verbs;

namespace RedisFailoverSim.Cli.Help;

/// <summary>
/// The verbs in the order <c>rfsim</c> lists them, and what each one parses, read from its options class: the help
/// prints exactly the options the parser accepts.
/// </summary>
internal static class VerbCatalog
{
    /// <summary>Every verb's options class, in the order of the verb index.</summary>
    public static readonly Type[] All =
    [
        typeof(RunVerb), typeof(ValidateVerb), typeof(ExplainVerb), typeof(ListVerb), typeof(SweepVerb),
        typeof(MergeVerb), typeof(PlotsVerb), typeof(CalibrateVerb), typeof(DecideVerb),
    ];

    /// <summary>The verb's name as typed (<c>run</c>).</summary>
    public static string Name(Type verb) => Verb(verb).Name;

    /// <summary>The verb's description.</summary>
    public static string Description(Type verb) => Verb(verb).HelpText;

    /// <summary>The verb's worked examples (its static <c>Examples</c>).</summary>
    public static IReadOnlyList<VerbExample> Examples(Type verb) =>
        verb.GetProperty("Examples", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as IReadOnlyList<VerbExample>
        ?? throw new InvalidOperationException($"{verb.Name} has no static Examples");

    /// <summary>The options the verb parses, in declaration order (hidden ones left out).</summary>
    public static IReadOnlyList<VerbOption> Options(Type verb) =>
        verb.GetProperties()
            .Select(p => (Property: p, Option: p.GetCustomAttribute<OptionAttribute>()))
            .Where(p => p.Option is { Hidden: false })
            .Select(p => new VerbOption(p.Option!, p.Property.PropertyType == typeof(bool)))
            .ToList();

    /// <summary>The positional arguments the verb takes (the hidden catch-all for extra ones left out).</summary>
    public static IReadOnlyList<ValueAttribute> Values(Type verb) =>
        verb.GetProperties()
            .Select(p => p.GetCustomAttribute<ValueAttribute>())
            .OfType<ValueAttribute>()
            .Where(v => !v.Hidden)
            .OrderBy(v => v.Index)
            .ToList();

    private static VerbAttribute Verb(Type verb) =>
        verb.GetCustomAttribute<VerbAttribute>() ?? throw new InvalidOperationException($"{verb.Name} is not a verb");
}
