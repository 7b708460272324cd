using YamlDotNet.RepresentationModel;

namespace RedisFailoverSim.Scenarios.Reading;

/// <summary>
/// The problems found in one file so far, and where each YAML node sits. Nodes set by an override have no
/// place in the file; their problems name the override instead.
/// </summary>
internal sealed class ScenarioDocument(string file)
{
    private readonly List<ScenarioProblem> _problems = [];
    private readonly Dictionary<YamlNode, string> _overridden = new(ReferenceEqualityComparer.Instance);

    /// <summary>The file, as it appears in messages.</summary>
    public string File { get; } = file;

    /// <summary>True when at least one problem was found.</summary>
    public bool HasProblems => _problems.Count > 0;

    /// <summary>Every problem found, in file order (line, then column; whole-file problems first).</summary>
    public IReadOnlyList<ScenarioProblem> Problems =>
        _problems.OrderBy(p => p.Line).ThenBy(p => p.Column).ToList();

    /// <summary>A problem at a node.</summary>
    public void Report(YamlNode node, string message)
    {
        if (_overridden.TryGetValue(node, out var setting))
        {
            _problems.Add(new ScenarioProblem(File, 0, 0, $"{message} (set by override {setting})"));
            return;
        }

        _problems.Add(new ScenarioProblem(File, (int)node.Start.Line, (int)node.Start.Column, message));
    }

    /// <summary>A problem at a line and column.</summary>
    public void Report(int line, int column, string message) =>
        _problems.Add(new ScenarioProblem(File, line, column, message));

    /// <summary>A problem with the whole file, or with something given outside it.</summary>
    public void Report(string message) => _problems.Add(new ScenarioProblem(File, 0, 0, message));

    /// <summary>Remembers that an override put this node in the tree.</summary>
    public void MarkOverridden(YamlNode node, ScenarioOverride setting) =>
        _overridden[node] = $"{setting.Key}={setting.Value}";
}
