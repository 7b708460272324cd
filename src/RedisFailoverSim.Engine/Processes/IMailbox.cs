using RedisFailoverSim.Engine.Queue;

namespace RedisFailoverSim.Engine.Processes;

/// <summary>The untyped face of a mailbox, used by the process machinery.</summary>
internal interface IMailbox
{
    /// <summary>A process starts waiting for an item.</summary>
    void Register(Process process, long token);

    /// <summary>A woken process gave up its reserved item (it was interrupted or stopped first).</summary>
    void ReleaseReservation();

    /// <summary>The mailbox as an event target (never fired directly).</summary>
    IEventTarget AsTarget { get; }
}
