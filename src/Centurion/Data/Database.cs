using Centurion.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Centurion.Data;

public enum DatabaseProvider { Sqlite, Postgres }

public static class Database
{
    public const string DefaultSqlite = "Data Source=data/centurion.db";

    public static DatabaseProvider Provider(IConfiguration config) =>
        Enum.TryParse<DatabaseProvider>(config["Database:Provider"], ignoreCase: true, out var p) ? p : DatabaseProvider.Sqlite;

    public static string ConnectionString(IConfiguration config) =>
        config.GetConnectionString("Centurion") is { Length: > 0 } cs ? cs
        : Provider(config) == DatabaseProvider.Sqlite ? DefaultSqlite
        : throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Centurion is not set.");

    /// <summary>
    /// Where the application keeps its files: the SQLite database's folder (<c>data</c> by default), or with PostgreSQL the
    /// <c>data</c> folder in the working directory, as the SQLite default.
    /// </summary>
    public static string DataFolder(IConfiguration config)
    {
        var sqlite = Provider(config) == DatabaseProvider.Sqlite
            ? new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(ConnectionString(config)).DataSource : null;
        return sqlite is { Length: > 0 } and not ":memory:" && !sqlite.StartsWith("file:", StringComparison.OrdinalIgnoreCase)
            ? Path.GetDirectoryName(Path.GetFullPath(sqlite))!
            : Path.GetFullPath("data");
    }

    /// <summary>
    /// Registers both provider contexts and resolves <see cref="CenturionDb"/> to the configured one.
    /// Configuration is read when the context is first needed, so test and command-line overrides apply.
    /// </summary>
    public static IServiceCollection AddCenturionDb(this IServiceCollection services)
    {
        services.AddDbContext<SqliteCenturionDb>((sp, o) => ConfigureSqlite(o, ConnectionString(sp.GetRequiredService<IConfiguration>())));
        services.AddDbContext<PostgresCenturionDb>((sp, o) => ConfigurePostgres(o, ConnectionString(sp.GetRequiredService<IConfiguration>())));
        services.AddScoped<CenturionDb>(sp => Provider(sp.GetRequiredService<IConfiguration>()) switch
        {
            DatabaseProvider.Postgres => sp.GetRequiredService<PostgresCenturionDb>(),
            _ => sp.GetRequiredService<SqliteCenturionDb>(),
        });
        return services;
    }

    internal static void ConfigureSqlite(DbContextOptionsBuilder o, string connectionString)
    {
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString);
        var folder = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(folder) && builder.DataSource != ":memory:") Directory.CreateDirectory(folder);
        o.UseSqlite(connectionString, s => s.MigrationsAssembly(typeof(Database).Assembly.FullName));
    }

    internal static void ConfigurePostgres(DbContextOptionsBuilder o, string connectionString) =>
        o.UseNpgsql(connectionString);

    /// <summary>Applies pending migrations. SQLite does this at start; PostgreSQL only through the migrate verb.</summary>
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken ct = default)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CenturionDb>();
        await db.Database.MigrateAsync(ct);
    }

    public static async Task<IReadOnlyList<string>> PendingMigrationsAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CenturionDb>();
        return [.. await db.Database.GetPendingMigrationsAsync()];
    }
}

/// <summary>Lets `dotnet ef` build each provider's context to generate its migrations (see scripts/add-migration).</summary>
public sealed class SqliteDesignFactory : IDesignTimeDbContextFactory<SqliteCenturionDb>
{
    public SqliteCenturionDb CreateDbContext(string[] args)
    {
        var o = new DbContextOptionsBuilder<SqliteCenturionDb>();
        Database.ConfigureSqlite(o, "Data Source=design-time.db");
        return new SqliteCenturionDb(o.Options, new Actor(), TimeProvider.System);
    }
}

public sealed class PostgresDesignFactory : IDesignTimeDbContextFactory<PostgresCenturionDb>
{
    public PostgresCenturionDb CreateDbContext(string[] args)
    {
        var o = new DbContextOptionsBuilder<PostgresCenturionDb>();
        Database.ConfigurePostgres(o, "Host=localhost;Database=centurion_design");
        return new PostgresCenturionDb(o.Options, new Actor(), TimeProvider.System);
    }
}
