namespace RedisFailoverSim.Model.Specs;

/// <summary>How a client spaces its writes.</summary>
public enum ArrivalProcess
{
    /// <summary>Evenly spaced at 1/rate, each client starting at a random phase.</summary>
    Constant,

    /// <summary>Exponential inter-arrival times (a Poisson stream).</summary>
    Poisson,
}
