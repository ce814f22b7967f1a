using Centurion.Data;
using Centurion.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Centurion.Tests.Data;

public class ModelTests
{
    /// <summary>
    /// A mapping changed without `scripts/add-migration` leaves the model and the migrations' snapshot apart; this fails then.
    /// The contexts are the ones the script builds, so what passes here generates an empty migration.
    /// </summary>
    [Theory, BothDatabases]
    public void The_model_matches_the_migrations_snapshot(DatabaseProvider provider)
    {
        using CenturionDb db = provider == DatabaseProvider.Sqlite
            ? new SqliteDesignFactory().CreateDbContext([])
            : new PostgresDesignFactory().CreateDbContext([]);

        Assert.False(db.Database.HasPendingModelChanges(),
            $"The {provider} model differs from its migrations snapshot: run scripts/add-migration NAME and commit the migration.");
    }
}
