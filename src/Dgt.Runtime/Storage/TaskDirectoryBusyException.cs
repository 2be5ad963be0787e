namespace Dgt.Runtime.Storage;

/// <summary>Another run holds a task's directory: this run is refused before it writes anything.</summary>
public sealed class TaskDirectoryBusyException(string taskName, string directory, string owner) : Exception(
    $"Task '{taskName}' is being run by another dgt ({owner}) in {directory}. Two runs on one task directory would " +
    "corrupt it, so this run was refused and wrote nothing. Wait for the other run to end (or stop it), or give this " +
    "run another --output-dir; runs of other tasks are not affected.")
{
    /// <summary>The directory held by the other run.</summary>
    public string Directory { get; } = directory;
}
