using System.Diagnostics;

namespace RedisFailoverSim.Calibration.Processes;

/// <summary>
/// One process rfsim started (a <c>redis-server</c> or <c>redis-sentinel</c>). It is known by its process id and
/// stopped by it: SIGKILL, then a bounded wait for the exit so that nothing is left behind, not even a zombie.
/// Every instance registers with <see cref="ChildProcessRegistry"/>, which kills what is still running on Ctrl-C,
/// SIGTERM or process exit.
/// </summary>
internal sealed class ChildProcess : IDisposable
{
    private static readonly TimeSpan ExitWait = TimeSpan.FromSeconds(5);
    private readonly Process _process;
    private readonly StreamWriter _output;
    private readonly object _outputLock = new();
    private bool _stopped;

    private ChildProcess(string name, Process process, StreamWriter output)
    {
        Name = name;
        _process = process;
        _output = output;
        Pid = process.Id;
    }

    /// <summary>The member it runs, e.g. <c>n1</c> or <c>s2</c>.</summary>
    public string Name { get; }

    /// <summary>Its process id.</summary>
    public int Pid { get; }

    /// <summary>Its standard input, when started with an output-line handler (else null).</summary>
    public StreamWriter? StandardInput => _process.StartInfo.RedirectStandardInput ? _process.StandardInput : null;

    /// <summary>True while SIGSTOP holds it.</summary>
    public bool IsPaused { get; private set; }

    /// <summary>True until it exits.</summary>
    public bool IsRunning
    {
        get
        {
            try
            {
                return !_process.HasExited;
            }
            catch (InvalidOperationException)
            {
                return false;
            }
        }
    }

    /// <summary>
    /// Starts <paramref name="fileName"/> with <paramref name="arguments"/>; stdout and stderr go to <paramref name="logPath"/>,
    /// or, with <paramref name="onOutputLine"/>, stdout's lines to it (a client driver's replies) and its standard input
    /// stays open for <see cref="StandardInput"/>.
    /// </summary>
    public static ChildProcess Start(string name, string fileName, IReadOnlyList<string> arguments, string logPath, Action<string>? onOutputLine = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = onOutputLine is not null,
            WorkingDirectory = Path.GetDirectoryName(logPath) ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        var output = new StreamWriter(logPath, append: true) { AutoFlush = true };
        Process process;
        try
        {
            process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {fileName}");
        }
        catch
        {
            output.Dispose();
            throw;
        }

        var child = new ChildProcess(name, process, output);
        ChildProcessRegistry.Add(child);
        try
        {
            // On a shared machine the Redis processes should not queue behind other work for the CPU: Sentinel's
            // timers and a replica's promotion are what calibration measures. Needs privilege; skipped without it.
            process.PriorityClass = ProcessPriorityClass.AboveNormal;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException or PlatformNotSupportedException)
        {
            // Unprivileged: the default priority.
        }

        process.OutputDataReceived += (_, e) =>
        {
            if (onOutputLine is null)
            {
                child.Append(e.Data);
            }
            else if (e.Data is not null)
            {
                onOutputLine(e.Data);
            }
        };
        process.ErrorDataReceived += (_, e) => child.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>SIGSTOP.</summary>
    public void Pause()
    {
        if (IsRunning && Signals.Send(Pid, Signals.Stop))
        {
            IsPaused = true;
        }
    }

    /// <summary>SIGCONT.</summary>
    public void Resume()
    {
        if (IsRunning && Signals.Send(Pid, Signals.Continue))
        {
            IsPaused = false;
        }
    }

    /// <summary>SIGKILL by process id, then waits (bounded) until it has exited and been reaped.</summary>
    public void Kill()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        if (IsRunning)
        {
            // SIGKILL also ends a SIGSTOPped process; no SIGCONT is needed first.
            Signals.Send(Pid, Signals.Kill);
            _process.WaitForExit(ExitWait);
        }

        IsPaused = false;
        ChildProcessRegistry.Remove(this);
    }

    /// <summary>Kills the process if it still runs and releases the handle.</summary>
    public void Dispose()
    {
        Kill();
        _process.Dispose();
        lock (_outputLock)
        {
            _output.Dispose();
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_outputLock)
        {
            try
            {
                _output.WriteLine(line);
            }
            catch (ObjectDisposedException)
            {
                // The last lines of a killed process may arrive after Dispose: they are not needed.
            }
        }
    }
}
