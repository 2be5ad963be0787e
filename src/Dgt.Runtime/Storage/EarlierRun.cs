namespace Dgt.Runtime.Storage;

/// <summary>
/// What an earlier run of a task left in its directory (see <see cref="TaskStore{TData}.InspectEarlierRun"/>).
/// </summary>
/// <param name="HasRows">It recorded rows, which a resume would build on.</param>
/// <param name="Fingerprint">The fingerprint of the configuration that made them, when the task card says.</param>
/// <param name="Damage">What cannot be read (the task card, the saved position), so a resume would have to guess.</param>
public sealed record EarlierRun(bool HasRows, string? Fingerprint, string? Damage);
