using RedisFailoverSim.Model.Specs;

namespace RedisFailoverSim.Model.Catalog;

/// <summary>
/// A client-library profile: the library's defaults as policy choices (<see cref="Settings"/>), each stated with its
/// source, and what the model cannot express of it yet.
/// </summary>
/// <param name="Id">The scenario spelling (<c>client: { library: lettuce }</c>).</param>
/// <param name="Name">The library's own name, for reports.</param>
/// <param name="Version">The versions the defaults were read in.</param>
/// <param name="Settings">The defaults.</param>
/// <param name="Facts">Each default with its value and source, for <c>rfsim explain client</c>.</param>
/// <param name="NotModelled">Behaviour of the library the model does not reproduce (with what it does instead).</param>
/// <param name="Calibration">Whether the profile was calibrated against the real library, and how.</param>
public sealed record ClientLibrary(
    string Id,
    string Name,
    string Version,
    ClientSettings Settings,
    IReadOnlyList<ClientFact> Facts,
    IReadOnlyList<string> NotModelled,
    string Calibration);
