using Dgt.Runtime.Startup;

namespace Dgt.Runtime.Storage;

/// <summary>
/// The locks of every task directory of a run, all taken before the first task writes anything and held until the
/// run ends, so that a run either owns all of its task directories or is refused at once.
/// </summary>
public sealed class TaskDirectoryLocks : IDisposable
{
    private readonly Dictionary<string, TaskDirectoryLock> _locks;

    private TaskDirectoryLocks(Dictionary<string, TaskDirectoryLock> locks) => _locks = locks;

    /// <summary>Takes the directory of every task; when one is held by another run, lets go of the others and throws.</summary>
    public static TaskDirectoryLocks Acquire(IEnumerable<TaskDefinition> tasks, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        var locks = new Dictionary<string, TaskDirectoryLock>(StringComparer.Ordinal);
        try
        {
            foreach (var task in tasks)
            {
                locks[task.Name] = TaskDirectoryLock.Acquire(TaskOutputLayout.Of(task, environment), task.Name);
            }
        }
        catch
        {
            foreach (var held in locks.Values)
            {
                held.Abandon();
            }

            throw;
        }

        return new TaskDirectoryLocks(locks);
    }

    /// <summary>The lock this run holds on <paramref name="taskName"/>'s directory.</summary>
    public TaskDirectoryLock For(string taskName) => _locks[taskName];

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var held in _locks.Values)
        {
            held.Dispose();
        }
    }
}
