using RedisFailoverSim.Calibration.Processes;

namespace RedisFailoverSim.Calibration.Cluster;

/// <summary>
/// A node or Sentinel of the real run: its real port (the process listens there, only rfsim's observer uses it),
/// its front port (a proxy every other node and Sentinel uses, and the address it announces), and one proxy port
/// per client (the address that client's tunnel maps the front port to).
/// </summary>
internal sealed class ServerMember
{
    /// <summary>Creates the member's record; the process is started later.</summary>
    public ServerMember(string name, MemberKind kind, string az, int realPort, int frontPort, IReadOnlyDictionary<string, int> clientFronts, string configPath, string logPath)
    {
        Name = name;
        Kind = kind;
        Az = az;
        RealPort = realPort;
        FrontPort = frontPort;
        ClientFronts = clientFronts;
        ConfigPath = configPath;
        LogPath = logPath;
    }

    /// <summary>The scenario name, e.g. <c>n1</c>.</summary>
    public string Name { get; }

    /// <summary>Node or Sentinel.</summary>
    public MemberKind Kind { get; }

    /// <summary>The scenario AZ (used only to resolve fault targets: every process runs on loopback).</summary>
    public string Az { get; }

    /// <summary>The port the process listens on.</summary>
    public int RealPort { get; }

    /// <summary>The proxy port everyone else uses.</summary>
    public int FrontPort { get; }

    /// <summary>Per-client proxy ports, by client name.</summary>
    public IReadOnlyDictionary<string, int> ClientFronts { get; }

    /// <summary>The configuration file.</summary>
    public string ConfigPath { get; }

    /// <summary>The process's stdout/stderr log.</summary>
    public string LogPath { get; }

    /// <summary>The running process, or null after a crash.</summary>
    public ChildProcess? Process { get; set; }

    /// <summary>True when the process runs and is not stopped.</summary>
    public bool IsLive => Process is { IsRunning: true, IsPaused: false };
}
