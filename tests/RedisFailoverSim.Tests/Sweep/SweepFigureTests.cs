using RedisFailoverSim.Reporting.Sweep;

namespace RedisFailoverSim.Tests.Sweep;

public sealed class SweepFigureTests
{
    [Fact]
    public void RenumberClipIds_ProcessWideNumbers_BecomeOrderOfFirstUse()
    {
        const string svg = """<clipPath id="cl_2f"/><g clip-path="url(#cl_2f)"/><clipPath id="cl_a"/><g clip-path="url(#cl_a)"/><text>cl_2f</text>""";

        var renumbered = RedisFailoverSim.Reporting.Charts.SkiaImages.RenumberClipIds(svg);

        Assert.Equal("""<clipPath id="cl_1"/><g clip-path="url(#cl_1)"/><clipPath id="cl_2"/><g clip-path="url(#cl_2)"/><text>cl_2f</text>""", renumbered);
    }
}
