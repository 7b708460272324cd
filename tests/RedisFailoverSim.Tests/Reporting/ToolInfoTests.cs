using RedisFailoverSim.Reporting;

namespace RedisFailoverSim.Tests.Reporting;

public class ToolInfoTests
{
    [Fact]
    public void FromInformationalVersion_WithCommit_SplitsVersionAndCommit()
    {
        var tool = ToolInfo.FromInformationalVersion("rfsim", "0.1.0+c3a6c48c2e530a4b72d3a7aba72ea22ecff22064");

        Assert.Equal(new ToolInfo("rfsim", "0.1.0", "c3a6c48c2e530a4b72d3a7aba72ea22ecff22064"), tool);
    }

    [Fact]
    public void FromInformationalVersion_WithoutCommit_HasNullCommit()
    {
        Assert.Equal(new ToolInfo("rfsim", "0.1.0", null), ToolInfo.FromInformationalVersion("rfsim", "0.1.0"));
    }
}
