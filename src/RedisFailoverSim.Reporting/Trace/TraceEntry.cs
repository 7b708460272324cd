namespace RedisFailoverSim.Reporting.Trace;

/// <summary>
/// A model event on its way to a narrated line, open to merging: its text as tokens, the sources that reported
/// it (several after merging), and at most one token position that became a list
/// (<c>+sdown slave n3, n4, n5 @ mymaster n1</c>).
/// </summary>
internal sealed class TraceEntry
{
    private const string Placeholder = "\u0001";

    /// <summary>Creates an entry from one event.</summary>
    public TraceEntry(double seconds, TraceCategory category, string kind, string source, string text, bool isKey)
    {
        Seconds = seconds;
        Category = category;
        Kind = kind;
        Sources = [source];
        Tokens = text.Split(' ');
        SourceToken = Tokens.Length > 0 && Tokens[0] == source ? 0 : -1;
        IsKey = isKey;
    }

    /// <summary>When the first merged event happened.</summary>
    public double Seconds { get; }

    /// <summary>Who it is about.</summary>
    public TraceCategory Category { get; }

    /// <summary>The event kind.</summary>
    public string Kind { get; }

    /// <summary>The reporting sources, in the order they were merged in.</summary>
    public List<string> Sources { get; }

    /// <summary>The text's words; the source's own name and the list position are placeholders when rendering.</summary>
    public string[] Tokens { get; }

    /// <summary>The token that is the source's name (node and client texts start with it), or -1.</summary>
    public int SourceToken { get; }

    /// <summary>The token that became a list, or -1.</summary>
    public int ListToken { get; private set; } = -1;

    /// <summary>The list's values, in order.</summary>
    public List<string> ListValues { get; } = [];

    /// <summary>True for the moments the report's timeline keeps.</summary>
    public bool IsKey { get; }

    /// <summary>
    /// Merges <paramref name="other"/>, from the same source, when its text is the same or differs from this one's
    /// in exactly one name (the list position, once there is one). Returns false and changes nothing otherwise.
    /// </summary>
    public bool TryMergeValue(TraceEntry other)
    {
        if (other.Sources.Count != 1 || Sources.Count != 1 || other.Sources[0] != Sources[0]
            || other.Kind != Kind || other.Tokens.Length != Tokens.Length)
        {
            return false;
        }

        int differs = -1;
        for (int i = 0; i < Tokens.Length; i++)
        {
            if (other.Tokens[i] != Tokens[i])
            {
                if (differs >= 0)
                {
                    return false;
                }

                differs = i;
            }
        }

        if (differs < 0)
        {
            return true;
        }

        if (differs == SourceToken || (ListToken >= 0 && differs != ListToken)
            || !TraceNames.IsName(Tokens[differs]) || !TraceNames.IsName(other.Tokens[differs]))
        {
            return false;
        }

        if (ListToken < 0)
        {
            ListToken = differs;
            ListValues.Add(Tokens[differs]);
        }

        if (!ListValues.Contains(other.Tokens[differs]))
        {
            ListValues.Add(other.Tokens[differs]);
        }

        return true;
    }

    /// <summary>Merges <paramref name="other"/>'s sources when both say the same thing.</summary>
    public bool TryMergeSources(TraceEntry other)
    {
        if (other.Kind != Kind || other.Category != Category || Body() != other.Body())
        {
            return false;
        }

        foreach (var s in other.Sources.Where(s => !Sources.Contains(s)))
        {
            Sources.Add(s);
        }

        return true;
    }

    /// <summary>The narrated line.</summary>
    public TraceLine ToLine()
    {
        var sources = string.Join(", ", Sources.Order(TraceNames.NaturalOrder));
        var body = SourceToken >= 0 && Sources.Count > 1 ? Plural(Body()) : Body();
        var text = SourceToken >= 0 ? body.Replace(Placeholder, sources, StringComparison.Ordinal)
            : Category == TraceCategory.Fault ? body
            : sources + " " + body;
        var subjects = Sources.Concat(TraceNames.In(text)).Distinct(StringComparer.Ordinal).ToList();
        return new TraceLine(Seconds, Category, subjects, text, IsKey);
    }

    /// <summary>
    /// The body for several subjects: "c3, c4 dropped their connection", "n3, n4 have seen no leader" (the verb right
    /// after the subject, and every "its", agree with them).
    /// </summary>
    private static string Plural(string body)
    {
        var tokens = body.Split(' ');
        var subject = Array.IndexOf(tokens, Placeholder);
        if (subject >= 0 && subject + 1 < tokens.Length)
        {
            tokens[subject + 1] = PluralVerb(tokens[subject + 1]);
        }

        for (var i = 0; i < tokens.Length; i++)
        {
            tokens[i] = tokens[i] switch
            {
                "its" => "their",
                "it" when i > subject => "they",
                var word => word,
            };
        }

        return string.Join(' ', tokens);
    }

    /// <summary>
    /// A present-tense verb in the third person plural: "has" → "have", "keeps" → "keep", "retries" → "retry",
    /// "pushes" → "push"; a past tense or any other word stays as it is.
    /// </summary>
    internal static string PluralVerb(string verb) => verb switch
    {
        "has" => "have",
        "is" => "are",
        "was" => "were",
        "does" => "do",
        "goes" => "go",
        _ when !verb.All(char.IsAsciiLetterLower) || verb.Length < 4 || verb.EndsWith("ss", StringComparison.Ordinal) => verb,
        _ when verb.EndsWith("ies", StringComparison.Ordinal) => verb[..^3] + "y",
        _ when verb.EndsWith("shes", StringComparison.Ordinal) || verb.EndsWith("ches", StringComparison.Ordinal)
            || verb.EndsWith("sses", StringComparison.Ordinal) || verb.EndsWith("xes", StringComparison.Ordinal) => verb[..^2],
        _ when verb.EndsWith('s') => verb[..^1],
        _ => verb,
    };

    /// <summary>The text with the source's name as a placeholder and the list rendered.</summary>
    private string Body()
    {
        var tokens = (string[])Tokens.Clone();
        if (SourceToken >= 0)
        {
            tokens[SourceToken] = Placeholder;
        }

        if (ListToken >= 0)
        {
            tokens[ListToken] = string.Join(", ", ListValues.Order(TraceNames.NaturalOrder));
        }

        return string.Join(' ', tokens);
    }
}
