namespace RedisFailoverSim.Reporting.Charts;

/// <summary>One chart of the <c>plots/</c> gallery.</summary>
/// <param name="Scenario">The scenario's name.</param>
/// <param name="Chart">The chart's name (<c>roles</c>, <c>latency</c>…).</param>
/// <param name="FileName">The PNG's file name: <c>&lt;scenario&gt;-&lt;chart&gt;.png</c>.</param>
/// <param name="Why">Why this chart tells the scenario's story, with the run's numbers.</param>
/// <param name="Png">The image.</param>
public sealed record GalleryEntry(string Scenario, string Chart, string FileName, string Why, byte[] Png);
