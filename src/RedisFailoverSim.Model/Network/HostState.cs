namespace RedisFailoverSim.Model.Network;

/// <summary>Whether a member's process and host are running.</summary>
public enum HostState
{
    /// <summary>Running normally.</summary>
    Up,

    /// <summary>The process died (kill -9); the host's kernel still answers with connection resets.</summary>
    ProcessDown,

    /// <summary>The host has no power: nothing answers.</summary>
    PoweredOff,

    /// <summary>SIGSTOP: messages queue in the socket buffers until the process resumes.</summary>
    Paused,
}
