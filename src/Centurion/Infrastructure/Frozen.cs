namespace Centurion.Infrastructure;

/// <summary>
/// Rows that, once written, never change: the context (<see cref="Data.CenturionDb"/>) refuses to save an update or a delete of
/// one with a <see cref="FrozenRowException"/>. The audit trail is one kind; a feature marks its own snapshots with it. What it
/// guards is the application's own way of writing: raw SQL run beside the context bypasses it, as it bypasses every rule here.
/// </summary>
public interface IFrozen;

/// <summary>A save that would update or delete a frozen row (<see cref="IFrozen"/>): a programming error, never a user's.</summary>
public sealed class FrozenRowException(string entity, string state)
    : InvalidOperationException($"{entity} rows are frozen: once written they are never {state.ToLowerInvariant()}; the save was refused.")
{
    public string Entity { get; } = entity;
}
