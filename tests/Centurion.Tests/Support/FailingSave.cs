using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Centurion.Tests.Support;

/// <summary>Fails any save that would insert a <typeparamref name="T"/>, as a lost connection or a broken constraint would.</summary>
public sealed class FailingSave<T> : SaveChangesInterceptor where T : class
{
    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default) =>
        eventData.Context!.ChangeTracker.Entries<T>().Any(e => e.State == EntityState.Added)
            ? throw new InvalidOperationException($"Saving {typeof(T).Name} failed on purpose.")
            : base.SavingChangesAsync(eventData, result, cancellationToken);
}
