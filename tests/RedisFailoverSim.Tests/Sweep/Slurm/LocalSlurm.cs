using System.Globalization;
using RedisFailoverSim.Calibration.Processes;
using RedisFailoverSim.Tests.Reporting;

namespace RedisFailoverSim.Tests.Sweep.Slurm;

/// <summary>
/// A one-node Slurm cluster on localhost, private to one test: its own munged (own key and socket, run as the
/// munge user), slurmctld and slurmd in the foreground on ports 16817/16818, configuration, state, spool and logs
/// in a temp folder. Every daemon is a child process, killed by its pid on dispose. Needs Debian's slurm-wlm and
/// munge and root (SlurmUser=root). In CI (<c>CI=true</c> or <c>RFSIM_REQUIRE_SLURM=1</c>, set by .ci/run after
/// installing them) anything missing fails the test; on a developer machine <see cref="TryStart"/> returns null.
/// </summary>
internal sealed class LocalSlurm : IDisposable
{
    public const int ControllerPort = 16817;
    public const int NodePort = 16818;

    private static readonly string[] Programs = ["munged", "mungekey", "setpriv", "slurmctld", "slurmd", "sbatch", "scontrol", "sinfo"];
    private readonly TempFolder _temp = new();
    private readonly List<ChildProcess> _daemons = [];

    private LocalSlurm()
    {
        Folder = _temp.Path;
        ConfigFile = Path.Combine(Folder, "slurm.conf");
    }

    public static bool InCi =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)
        || Environment.GetEnvironmentVariable("RFSIM_REQUIRE_SLURM") == "1";

    /// <summary>The temp folder holding everything; also a place for the test's own files.</summary>
    public string Folder { get; }

    public string ConfigFile { get; }

    /// <summary>The environment the Slurm client commands need.</summary>
    public IReadOnlyDictionary<string, string> ClientEnvironment => new Dictionary<string, string> { ["SLURM_CONF"] = ConfigFile };

    /// <summary>The running cluster, or null (locally only) when Slurm, munge or root is missing.</summary>
    public static LocalSlurm? TryStart()
    {
        var missing = Programs.Where(p => Commands.Find(p) is null).ToList();
        var problem = missing.Count > 0
            ? $"missing {string.Join(", ", missing)} (apt-get install -y slurm-wlm munge)"
            : Environment.UserName != "root" ? $"needs root (SlurmUser=root), runs as {Environment.UserName}" : null;
        if (problem is not null)
        {
            if (InCi)
            {
                Assert.Fail("CI requires a local Slurm cluster (.ci/run must install slurm-wlm and munge): " + problem);
            }

            return null;
        }

        var slurm = new LocalSlurm();
        try
        {
            slurm.Start();
            return slurm;
        }
        catch
        {
            slurm.Dispose();
            throw;
        }
    }

    /// <summary>Runs a Slurm client command (or a script calling them) against this cluster.</summary>
    public (int Exit, string Output) Client(string fileName, params string[] arguments) =>
        Commands.Run(fileName, arguments, ClientEnvironment);

    /// <summary>Waits until the job is COMPLETED (true) or ended otherwise (false); Slurm keeps ended jobs 300 s.</summary>
    public bool WaitForJob(string jobId, TimeSpan timeout, out string state)
    {
        var deadline = DateTime.UtcNow + timeout;
        state = "unknown";
        while (DateTime.UtcNow < deadline)
        {
            var (exit, output) = Client("scontrol", "show", "job", "-o", jobId);
            var found = exit == 0
                ? output.Split(' ').FirstOrDefault(w => w.StartsWith("JobState=", StringComparison.Ordinal))
                : null;
            state = found?["JobState=".Length..] ?? state;
            if (state == "COMPLETED")
            {
                return true;
            }

            if (state is "FAILED" or "CANCELLED" or "TIMEOUT" or "NODE_FAIL" or "OUT_OF_MEMORY")
            {
                return false;
            }

            Thread.Sleep(200);
        }

        state += " (timed out)";
        return false;
    }

    /// <summary>A daemon's log, for failure messages.</summary>
    public string Log(string name)
    {
        var path = Path.Combine(Folder, name);
        return File.Exists(path) ? File.ReadAllText(path) : $"(no {name})";
    }

    /// <summary>
    /// What a failure message needs to tell a stuck job from a slow one: the job as the controller sees it, both
    /// daemons' logs, and every process below slurmd with its state (R, S, D, T for stopped, Z) and kernel wait.
    /// </summary>
    public string Diagnostics(string jobId)
    {
        var job = Client("scontrol", "show", "job", "-d", jobId).Output;
        var processes = Commands.Run("ps", ["-eo", "pid,ppid,stat,etimes,wchan:24,args", "--forest"]).Output;
        return $"--- scontrol show job -d {jobId}\n{job}\n--- processes\n{processes}\n"
            + $"--- slurmd.log\n{Log("slurmd.log")}\n--- slurmctld.log\n{Log("slurmctld.log")}";
    }

    public void Dispose()
    {
        // slurmd first, so no job is left half-reported; then the controller, then munge.
        for (var i = _daemons.Count - 1; i >= 0; i--)
        {
            _daemons[i].Dispose();
        }

        _daemons.Clear();
        _temp.Dispose();
    }

    private void Start()
    {
        // munged insists that its folders are not writable by others and its socket folder is searchable by all.
        var munge = Path.Combine(Folder, "munge");
        Directory.CreateDirectory(munge);
        Check(Commands.Run("chmod", ["755", Folder, munge]), "chmod");
        var key = Path.Combine(munge, "munge.key");
        Check(Commands.Run("mungekey", ["--create", "--keyfile", key]), "mungekey");
        Check(Commands.Run("chown", ["-R", "munge:munge", munge]), "chown munge");
        var socket = Path.Combine(munge, "munge.socket");
        _daemons.Add(ChildProcess.Start("munged", Commands.Find("setpriv")!,
            ["--reuid=munge", "--regid=munge", "--init-groups", Commands.Find("munged")!, "--foreground",
             "--socket=" + socket, "--key-file=" + key, "--pid-file=" + Path.Combine(munge, "munged.pid"),
             "--log-file=" + Path.Combine(munge, "munged.log"), "--seed-file=" + Path.Combine(munge, "munged.seed")],
            Path.Combine(Folder, "munged.out")));
        WaitFor(() => File.Exists(socket), "munged's socket", () => Log("munged.out"));

        var host = Commands.Run("hostname", ["-s"]).Output.Trim();
        File.WriteAllText(ConfigFile, Config(host, socket));
        Directory.CreateDirectory(Path.Combine(Folder, "state"));
        Directory.CreateDirectory(Path.Combine(Folder, "spool"));
        _daemons.Add(ChildProcess.Start("slurmctld", Commands.Find("slurmctld")!, ["-D", "-f", ConfigFile],
            Path.Combine(Folder, "slurmctld.out")));
        _daemons.Add(ChildProcess.Start("slurmd", Commands.Find("slurmd")!, ["-D", "-f", ConfigFile],
            Path.Combine(Folder, "slurmd.out")));
        WaitFor(
            () => Client("sinfo", "-h", "-o", "%T").Output.Trim() == "idle",
            "the node to be idle in sinfo",
            () => Log("slurmctld.log") + Log("slurmd.log") + Log("slurmctld.out") + Log("slurmd.out"));
    }

    private string Config(string host, string socket)
    {
        string In(string name) => Path.Combine(Folder, name);
        var cpus = Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture);
        string[] lines =
        [
            "ClusterName=rfsim-test",
            $"SlurmctldHost={host}",
            "SlurmUser=root",
            "SlurmdUser=root",
            "AuthType=auth/munge",
            "CredType=cred/munge",
            $"AuthInfo=socket={socket}",
            $"StateSaveLocation={In("state")}",
            $"SlurmdSpoolDir={In("spool")}",
            $"SlurmctldPidFile={In("slurmctld.pid")}",
            $"SlurmdPidFile={In("slurmd.pid")}",
            $"SlurmctldLogFile={In("slurmctld.log")}",
            $"SlurmdLogFile={In("slurmd.log")}",
            $"SlurmctldPort={ControllerPort}",
            $"SlurmdPort={NodePort}",
            "ProctrackType=proctrack/linuxproc",
            "TaskPlugin=task/none",
            "SchedulerType=sched/backfill",
            "SelectType=select/cons_tres",
            "SelectTypeParameters=CR_Core",
            "ReturnToService=2",
            "MpiDefault=none",
            "JobAcctGatherType=jobacct_gather/none",
            $"NodeName={host} CPUs={cpus} RealMemory=1024 State=UNKNOWN",
            $"PartitionName=debug Nodes={host} Default=YES MaxTime=INFINITE State=UP",
        ];
        return string.Join('\n', lines) + "\n";
    }

    private static void Check((int Exit, string Output) result, string what)
    {
        if (result.Exit != 0)
        {
            throw new InvalidOperationException($"{what} failed ({result.Exit}): {result.Output}");
        }
    }

    private static void WaitFor(Func<bool> condition, string what, Func<string> logs)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"timed out waiting for {what}:\n{logs()}");
            }

            Thread.Sleep(100);
        }
    }
}
