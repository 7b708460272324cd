namespace RedisFailoverSim.Cli.Sweep.Emit;

/// <summary>One file of an emitted job folder: its name, its text (LF line ends) and whether it is a script to run.</summary>
internal sealed record JobFile(string Name, string Text, bool Executable);
