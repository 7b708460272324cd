using Microsoft.Playwright;
using RedisFailoverSim.Reporting;
using RedisFailoverSim.Reporting.Timeline;

namespace RedisFailoverSim.Tests.Reporting.Timeline;

/// <summary>
/// timeline.html in a real browser: load the page of the hand-built split brain (SplitBrainStory: n3 promoted at
/// 20 s while n1, cut off with c1, stays primary until 30 s), step with → to the split-brain moment and read what a
/// trainer sees, then take a screenshot (written beside the test assembly: timeline-split-brain.png).
/// </summary>
public sealed class TimelinePageBrowserTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Timeline_StepToSplitBrain_ShowsTwoPrimariesVotesAndCounts()
    {
        if (!SystemChromium.Available())
        {
            return;
        }

        var report = ReportFixtures.Report(SplitBrainStory.Result());
        var file = Path.Combine(_temp.Path, TimelinePage.FileName);
        await File.WriteAllTextAsync(file, TimelinePage.Render(report));

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = SystemChromium.Path,
            Headless = true,
            Args = ["--no-sandbox"],
        });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1200, Height = 900 } });
        var errors = new List<string>();
        page.PageError += (_, message) => errors.Add(message);
        // The page must work offline: any request beyond the file itself fails the test.
        var requests = new List<string>();
        page.Request += (_, request) => requests.Add(request.Url);
        await page.GotoAsync(new Uri(file).AbsoluteUri);

        Assert.Equal("one primary: n1", await page.TextContentAsync("#banner"));
        Assert.Equal("t = 0.001 s · event 1 of 26", await page.TextContentAsync("#clock"));

        var presses = 0;
        while (await page.GetAttributeAsync("#banner", "class") != "split" && presses < 30)
        {
            await page.Keyboard.PressAsync("ArrowRight");
            presses++;
        }

        // The 12th event, at 20 s, is n3's promotion: from then until n1's demotion at 30 s both are primary.
        Assert.Equal(11, presses);
        Assert.Equal("t = 20.000 s · event 12 of 26", await page.TextContentAsync("#clock"));
        Assert.Equal("SPLIT BRAIN: n1 and n3 both accept writes as primary", await page.TextContentAsync("#banner"));
        Assert.Equal("t=20.000s  n3 promoted to primary at offset 100 (new replication id 2)", await page.TextContentAsync("#now"));
        Assert.Equal("primary (cut off)", await page.TextContentAsync("tr[data-node=n1] .role"));
        Assert.Equal("primary (cut off)", await page.TextContentAsync("tr[data-node=n3] .role"));
        Assert.Equal("replica (cut off)", await page.TextContentAsync("tr[data-node=n2] .role"));
        // n1 acknowledged the writes of 5, 12 and 15 s by then; the two after the cut are lost at the end.
        Assert.Equal("3", await page.TextContentAsync("tr[data-node=n1] .acked"));
        Assert.Equal("2", await page.TextContentAsync("tr[data-node=n1] .lost"));
        Assert.Equal("0", await page.TextContentAsync("tr[data-node=n3] .acked"));
        // s2 won epoch 1 with its own and s3's vote.
        Assert.Equal(["s2", "1", "s2 (epoch 1)", "leader: failing over n1"], await Cells(page, "tr[data-sentinel=s2] td"));
        Assert.Equal(["s3", "1", "s2 (epoch 1)", "+sdown n1"], await Cells(page, "tr[data-sentinel=s3] td"));

        await page.Keyboard.PressAsync("End");
        Assert.Equal("one primary: n3", await page.TextContentAsync("#banner"));
        Assert.Equal("2", await page.TextContentAsync("tr[data-node=n3] .acked"));
        await page.Keyboard.PressAsync("Home");
        await page.Keyboard.PressAsync("Shift+ArrowRight");
        Assert.Equal("t = 10.000 s · event 2 of 26", await page.TextContentAsync("#clock"));

        await page.Keyboard.PressAsync("Home");
        for (var i = 0; i < presses; i++)
        {
            await page.Keyboard.PressAsync("ArrowRight");
        }

        var screenshot = Path.Combine(AppContext.BaseDirectory, "timeline-split-brain.png");
        await page.ScreenshotAsync(new() { Path = screenshot, FullPage = true });
        Assert.True(new FileInfo(screenshot).Length > 20_000, "the screenshot is suspiciously small");
        Assert.Empty(errors);
        Assert.Equal([new Uri(file).AbsoluteUri], requests);
    }

    [Fact]
    public void Render_Twice_IsByteIdenticalAndSelfContained()
    {
        var report = ReportFixtures.Report(SplitBrainStory.Result());

        var html = TimelinePage.Render(report);

        Assert.Equal(html, TimelinePage.Render(report));
        Assert.Equal(html, CultureScope.Run("de-DE", () => TimelinePage.Render(report)));
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org/", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
        Assert.DoesNotContain("/*{{DATA}}*/", html, StringComparison.Ordinal);
        Assert.Contains("<title>az-partition-split-brain, seed 42: rfsim timeline</title>", html, StringComparison.Ordinal);
    }

    private static async Task<string[]> Cells(IPage page, string selector) =>
        [.. (await page.Locator(selector).AllTextContentsAsync())];
}
