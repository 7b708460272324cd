using RedisFailoverSim.Engine.Queue;
using RedisFailoverSim.Model.Network;
using RedisFailoverSim.Model.Sentinel;

namespace RedisFailoverSim.Model.Clients;

/// <summary>
/// The Sentinel client protocol (FACTS.md §9.1): ask each Sentinel in turn for the master's address with a
/// short timeout (assumption A5), then connect and verify with ROLE.
/// </summary>
public sealed class SentinelDiscovery : ClientDiscovery, IEventTarget
{
    private readonly IReadOnlyList<MemberId> _sentinels;
    private int _index;
    private long _attempt;
    private bool _active;

    /// <summary>Creates the strategy over the Sentinels, in the order the client lists them.</summary>
    public SentinelDiscovery(IReadOnlyList<MemberId> sentinels)
    {
        _sentinels = sentinels;
    }

    /// <inheritdoc />
    public override void Begin()
    {
        _active = true;
        _index = 0;
        AskCurrent();
    }

    /// <inheritdoc />
    public override bool TryHandle(Message message)
    {
        if (message is not GetMasterAddrReply reply)
        {
            return false;
        }

        if (_active && _index < _sentinels.Count && reply.From == _sentinels[_index])
        {
            _active = false;
            Client.ConnectTo(reply.Master);
        }

        return true;
    }

    /// <inheritdoc />
    public override void OnHeartbeat()
    {
    }

    void IEventTarget.Fire(long token, object? payload)
    {
        if (!_active || token != _attempt)
        {
            return;
        }

        _index++;
        AskCurrent();
    }

    private void AskCurrent()
    {
        if (_index >= _sentinels.Count)
        {
            _active = false;
            Client.DiscoveryFailed("no Sentinel answered");
            return;
        }

        _attempt++;
        Client.SendFromClient(_sentinels[_index], new GetMasterAddrRequest());
        Client.ScheduleDiscoveryTimer(Client.Settings.SentinelTimeout, this, _attempt);
    }
}
