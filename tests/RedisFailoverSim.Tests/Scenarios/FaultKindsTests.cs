using RedisFailoverSim.Model.Specs;
using RedisFailoverSim.Scenarios;

namespace RedisFailoverSim.Tests.Scenarios;

public class FaultKindsTests
{
    [Fact]
    public void Names_EveryKind_RoundTripsThroughItsScenarioName()
    {
        var kinds = Enum.GetValues<FaultKind>();

        var roundTripped = kinds.Select(k => FaultKinds.TryParse(FaultKinds.Name(k), out var parsed) ? parsed : (FaultKind?)null);

        Assert.Equal(kinds.Cast<FaultKind?>(), roundTripped);
        Assert.Equal("az-power-interruption", FaultKinds.Name(FaultKind.AzPowerInterruption));
        Assert.Equal(15, FaultKinds.Names.Count);
    }

    [Fact]
    public void TryParse_EnumSpelling_Refused()
    {
        Assert.False(FaultKinds.TryParse("SlowAz", out _));
    }
}
