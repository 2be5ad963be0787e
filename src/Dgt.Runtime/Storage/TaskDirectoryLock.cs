using System.Globalization;
using Dgt.Configuration.Schema;

namespace Dgt.Runtime.Storage;

/// <summary>
/// One run's exclusive hold on a task's directory. It is an operating-system lock on <c>.dgt.lock</c> in the directory,
/// so it dies with the process that holds it: a run killed with SIGKILL leaves no stale lock behind. Beside it,
/// <c>.dgt.owner</c> says which process holds it, for the message another run prints when it is refused.
/// </summary>
public sealed class TaskDirectoryLock : IDisposable
{
    // What .NET reports when another open handle holds the file exclusively: on Linux the errno of a refused
    // flock (EWOULDBLOCK), on Windows ERROR_SHARING_VIOLATION.
    private const int WouldBlock = 11;
    private const int SharingViolation = unchecked((int)0x80070020);

    private readonly FileStream _lock;
    private readonly bool _createdDirectory;

    private TaskDirectoryLock(TaskOutputLayout layout, FileStream held, bool createdDirectory)
    {
        Layout = layout;
        _lock = held;
        _createdDirectory = createdDirectory;
    }

    /// <summary>The directory held.</summary>
    public TaskOutputLayout Layout { get; }

    /// <summary>
    /// Takes the directory of <paramref name="taskName"/>, creating it when needed; throws
    /// <see cref="TaskDirectoryBusyException"/> when another run holds it.
    /// </summary>
    public static TaskDirectoryLock Acquire(TaskOutputLayout layout, string taskName)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var createdDirectory = !Directory.Exists(layout.Directory);
        Directory.CreateDirectory(layout.Directory);
        FileStream held;
        try
        {
            held = new FileStream(Path.Combine(layout.Directory, TaskNames.LockFile), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException exception) when (exception.HResult is SharingViolation or WouldBlock)
        {
            throw new TaskDirectoryBusyException(taskName, layout.Directory, ReadOwner(layout));
        }

        var owner = string.Create(CultureInfo.InvariantCulture,
            $"pid {Environment.ProcessId}, started {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm:ss} UTC");
        File.WriteAllText(Path.Combine(layout.Directory, TaskNames.OwnerFile), owner + "\n");
        return new TaskDirectoryLock(layout, held, createdDirectory);
    }

    /// <summary>
    /// Lets go of a directory this run never wrote to (another task of the run was refused): the lock's files go, and
    /// the directory too when taking the lock created it, so a refused run leaves nothing behind.
    /// </summary>
    public void Abandon()
    {
        Dispose();
        foreach (var name in (string[])[TaskNames.LockFile, TaskNames.OwnerFile])
        {
            File.Delete(Path.Combine(Layout.Directory, name));
        }

        if (_createdDirectory && !Directory.EnumerateFileSystemEntries(Layout.Directory).Any())
        {
            Directory.Delete(Layout.Directory);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _lock.Dispose();

    private static string ReadOwner(TaskOutputLayout layout)
    {
        try
        {
            var text = File.ReadAllText(Path.Combine(layout.Directory, TaskNames.OwnerFile)).Trim();
            return text.Length > 0 ? text : "a process that has not said which";
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return "a process that has not said which";
        }
    }
}
