using System.Net;
using System.Net.Sockets;
using RedisFailoverSim.Calibration;
using RedisFailoverSim.Calibration.Cluster;
using RedisFailoverSim.Calibration.Real;
using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Model.Specs;
using StackExchange.Redis;

namespace RedisFailoverSim.Tests.Calibration;

/// <summary>Bad input exits 2 with a message that says what to do; the pieces that need no Redis.</summary>
public class CalibrationCommandTests
{
    private static readonly WorldSpec Crash = CalibrationSpecs.ThreeNodes([CalibrationSpecs.CrashPrimary(5)]);

    [Fact]
    public void Run_RedisServerPathMissing_ExitsTwoNamingTheOption()
    {
        var (code, stderr) = Run(Crash, new CalibrateOptions("x.yaml", RedisServerPath: "/nonexistent/redis-server"));
        Assert.Equal(CalibrationCommand.ExitBadInput, code);
        Assert.Equal("rfsim calibrate: --redis-server /nonexistent/redis-server: no such file", stderr.Trim());
    }

    [Fact]
    public void Run_FaultLoopbackCannotReproduce_ExitsTwoListingTheSupportedKinds()
    {
        var slow = new FaultSpec(FaultKind.SlowAz, SimTime.FromStart(SimDuration.FromSeconds(5)), SimDuration.FromSeconds(5), FaultTarget.Az("az-a"), SourceLine: 17);
        var (code, stderr) = Run(CalibrationSpecs.ThreeNodes([slow]), new CalibrateOptions("x.yaml"));
        Assert.Equal(CalibrationCommand.ExitBadInput, code);
        Assert.Contains("line 17: fault 'slow-az' cannot be reproduced on loopback; calibrate supports crash, power-off, pause, isolate, partition, one-way, reboot", stderr);
    }

    [Fact]
    public void Run_ZeroRunsAndLowPort_ExitsTwoWithBothProblems()
    {
        var (code, stderr) = Run(Crash, new CalibrateOptions("x.yaml", Runs: 0, PortBase: 80));
        Assert.Equal(CalibrationCommand.ExitBadInput, code);
        Assert.Equal(["--runs 0: expected 1..50", "--port-base 80: expected 1024..63000"], stderr.Trim().Split(Environment.NewLine));
    }

    [Fact]
    public void Run_ClientThatCannotRunHere_ExitsTwoSayingWhy()
    {
        // Lettuce needs Maven Central, which this machine cannot reach: it rests on its sources.
        var (code, stderr) = Run(Crash, new CalibrateOptions("x.yaml", ClientLibrary: "lettuce"));
        Assert.Equal(CalibrationCommand.ExitBadInput, code);
        Assert.Equal("--client lettuce: cannot run here (Maven Central is not reachable): rests on its sources", stderr.Trim());
    }

    [Fact]
    public void Run_ClusterScenarioWithALibraryDriver_ExitsTwoSayingOnlyStackExchangeRedisRuns()
    {
        var cluster = Crash with { Cluster = new ClusterSpec(1, 2, ClusterSettings.Default, [0, 0, 0]) };
        var (code, stderr) = Run(cluster, new CalibrateOptions("x.yaml", ClientLibrary: "ioredis"));
        Assert.Equal(CalibrationCommand.ExitBadInput, code);
        Assert.Equal("rfsim calibrate: --client ioredis: a cluster: scenario is calibrated with StackExchange.Redis only (in-process); the drivers in calibration/drivers/ run against Redis + Sentinel", stderr.Trim());
    }

    [Fact]
    public void Run_ClientsWithLibrariesOfTheirOwn_ExitsTwoSayingOneLibraryDrivesThemAll()
    {
        var mixed = Crash with { Clients = [Crash.Clients[0] with { Settings = ClientSettings.Default with { Library = "x" } }, .. Crash.Clients.Skip(1)] };
        var (code, stderr) = Run(mixed, new CalibrateOptions("x.yaml"));
        Assert.Equal(CalibrationCommand.ExitBadInput, code);
        Assert.StartsWith("rfsim calibrate: this scenario cannot be calibrated: some clients have library settings of their own (topology.clients[].client)", stderr.Trim());
    }

    [Fact]
    public void Run_UnknownClient_ExitsTwoListingTheLibraries()
    {
        var (code, stderr) = Run(Crash, new CalibrateOptions("x.yaml", ClientLibrary: "hiredis"));
        Assert.Equal(CalibrationCommand.ExitBadInput, code);
        Assert.StartsWith("--client hiredis: unknown client library; expected one of stackexchange-redis, redis-py, ", stderr.Trim());
    }

    [Fact]
    public void Run_ScenarioFileMissing_ExitsTwo()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = CalibrationCommand.Run(new CalibrateOptions("/nonexistent/scenario.yaml"), stdout, stderr);
        Assert.Equal(CalibrationCommand.ExitBadInput, code);
        Assert.Contains("scenario.yaml", stderr.ToString());
    }

    [Fact]
    public void Scale_RateAboveTheCap_ScaledDownForBothSides()
    {
        var world = CalibrationSpecs.ThreeNodes([], rate: 1000);
        var (scaled, scale) = Calibrator.Scale(world, maxWriteRate: 600);
        Assert.Equal(0.2, scale, precision: 9);
        Assert.Equal(200, scaled.Workload.RatePerClient, precision: 9);
        Assert.Same(world, Calibrator.Scale(world, maxWriteRate: 3000).World);
    }

    [Fact]
    public void WriteSchedule_ConstantRate_SameWriteCountAsTheModel()
    {
        // The model issues rate × duration writes per client (SelfHostedFailoverTests: 3 × 50 × 90).
        var schedule = WriteSchedule.Build(CalibrationSpecs.ThreeNodes([], rate: 50, durationS: 90), seed: 7);
        Assert.Equal(3 * 50 * 90, schedule.Count);
        Assert.Equal(50 * 90, schedule.Count(w => w.Client == 1));
        Assert.True(schedule.Zip(schedule.Skip(1)).All(p => p.First.IntendedSeconds <= p.Second.IntendedSeconds));
    }

    [Fact]
    public void WriteSchedule_Element_CarriesItsWriteIdAndTheValueSize()
    {
        string element = WriteSchedule.Element(1234, valueBytes: 100);
        Assert.Equal(100, element.Length);
        Assert.Equal(1234, WriteSchedule.WriteIdOf(element));
        Assert.Equal(-1, WriteSchedule.WriteIdOf("not-ours"));
    }

    [Theory]
    [InlineData("server", "READONLY You can't write against a read only replica.", WriteOutcome.Failed, "READONLY")]
    [InlineData("server", "NOREPLICAS Not enough good replicas to write.", WriteOutcome.Failed, "NOREPLICAS")]
    [InlineData("timeout-sent", "Timeout", WriteOutcome.Unknown, "timeout (sent)")]
    [InlineData("timeout-backlog", "Timeout", WriteOutcome.Failed, "timeout (not sent)")]
    [InlineData("connection-sent", "lost", WriteOutcome.Unknown, "connection (SocketClosed)")]
    [InlineData("connection-unsent", "lost", WriteOutcome.Failed, "connection (not sent)")]
    public void WriteErrors_Classify_FollowsTheModelsOutcomeRules(string kind, string message, WriteOutcome outcome, string reason)
    {
        Exception error = kind switch
        {
            "server" => new RedisServerException(RedisErrorKind.Unknown, CommandFlags.None, message),
            "timeout-sent" => new RedisTimeoutException(CommandFlags.None, message, CommandStatus.Sent),
            "timeout-backlog" => new RedisTimeoutException(CommandFlags.None, message, CommandStatus.WaitingInBacklog),
            "connection-sent" => new RedisConnectionException(ConnectionFailureType.SocketClosed, CommandFlags.None, message, null, CommandStatus.Sent),
            _ => new RedisConnectionException(ConnectionFailureType.SocketClosed, CommandFlags.None, message, null, CommandStatus.WaitingToBeSent),
        };
        Assert.Equal((outcome, reason), WriteErrors.Classify(error));
    }

    [Fact]
    public void PortAllocator_PortTaken_SkipsIt()
    {
        using var taken = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        taken.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        taken.Listen(1);
        int port = ((IPEndPoint)taken.LocalEndPoint!).Port;
        var ports = new PortAllocator(port);
        Assert.False(PortAllocator.IsFree(port));
        Assert.NotEqual(port, ports.Next());
    }

    private static (int Code, string Stderr) Run(WorldSpec world, CalibrateOptions options)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = CalibrationCommand.Run("test", null, world, options, stdout, stderr);
        return (code, stderr.ToString());
    }
}
