namespace Dgt.Runtime.Storage;

/// <summary>
/// What an earlier run of a task left in its directory, read at start-up before anything is written (see
/// <see cref="Inspect"/>).
/// </summary>
/// <param name="HasRows">It recorded rows, which a resume would build on.</param>
/// <param name="Fingerprint">The fingerprint of the configuration that made them, when the task card says.</param>
/// <param name="Damage">What cannot be read (the task card, the saved position), so a resume would have to guess.</param>
public sealed record EarlierRun(bool HasRows, string? Fingerprint, string? Damage)
{
    /// <summary>
    /// Whether the task's earlier run recorded rows, the fingerprint of the configuration that made them, and what is
    /// damaged (a task card without a readable fingerprint, a saved position that cannot be read), which a resume must
    /// not guess past. A run that recorded no row (it failed at its first requests) leaves nothing a new configuration
    /// could be mixed with, so it has no say.
    /// </summary>
    public static EarlierRun Inspect(TaskOutputLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var data = new FileInfo(layout.Data);
        if (!data.Exists || data.Length == 0)
        {
            return new EarlierRun(false, null, null);
        }

        var fingerprint = TaskFingerprint.Recorded(layout.TaskCard, out var damage);
        if (damage is null && File.Exists(layout.State) && GenerationState.Read(layout.State) is { Damage: { } stateDamage })
        {
            damage = stateDamage;
        }

        return new EarlierRun(true, fingerprint, damage);
    }
}
