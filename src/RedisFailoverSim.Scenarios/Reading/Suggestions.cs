namespace RedisFailoverSim.Scenarios.Reading;

/// <summary>"Did you mean" for misspelt keys and names.</summary>
public static class Suggestions
{
    /// <summary>
    /// The closest allowed word: the same word in another spelling (case, <c>_</c> or <c>-</c>), one at most a
    /// third of its length of edits away (at least one), or one sharing a long start with it
    /// (<c>down-after-ms</c> → <c>down-after-milliseconds</c>). Null when nothing is close.
    /// </summary>
    public static string? Closest(string word, IEnumerable<string> allowed)
    {
        var normalized = Normalize(word);
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in allowed)
        {
            if (Normalize(candidate) == normalized)
            {
                return candidate;
            }

            var distance = Distance(word.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance)
            {
                (best, bestDistance) = (candidate, distance);
            }
        }

        if (bestDistance <= Math.Max(1, word.Length / 3))
        {
            return best;
        }

        // An abbreviation: most of the word is the start of exactly one allowed word.
        var minimum = Math.Max(4, (int)Math.Ceiling(normalized.Length * 0.6));
        var sharing = allowed.Where(c => CommonPrefix(Normalize(c), normalized) >= minimum).ToList();
        return sharing.Count == 1 ? sharing[0] : null;
    }

    private static int CommonPrefix(string a, string b)
    {
        var length = 0;
        while (length < a.Length && length < b.Length && a[length] == b[length])
        {
            length++;
        }

        return length;
    }

    /// <summary><c>; did you mean 'x'?</c> or nothing.</summary>
    public static string DidYouMean(string word, IEnumerable<string> allowed) =>
        Closest(word, allowed) is { } close ? $"; did you mean '{close}'?" : "";

    private static string Normalize(string word) =>
        new(word.Where(c => c is not ('-' or '_' or ' ')).Select(char.ToLowerInvariant).ToArray());

    // Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps cost 1.
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
