using Centurion.Bench;
using Centurion.Data;
using Centurion.Infrastructure;
using Microsoft.EntityFrameworkCore;

// Usage: dotnet run -c Release --project bench/Centurion.Bench -- [units] [repeats]   unit subtree queries (the default)
//        dotnet run -c Release --project bench/Centurion.Bench -- records [rows]       case-record import (default 1,000,000 rows)
//        dotnet run -c Release --project bench/Centurion.Bench -- stats [rows] [repeats] province-wide statistic from facts vs raw records
// Set CENTURION_BENCH_POSTGRES to a connection string (a scratch database: it is dropped) to measure PostgreSQL too.
var records = args.Length > 0 && args[0] == "records";
if (records) args = args[1..];
var stats = args.Length > 0 && args[0] == "stats";
if (stats) args = args[1..];
var pg = Environment.GetEnvironmentVariable("CENTURION_BENCH_POSTGRES");

if (stats)
{
    var rows = args.Length > 0 ? int.Parse(args[0]) : 1_000_000;
    var statsRepeats = args.Length > 1 ? int.Parse(args[1]) : 21;
    await using (var sqlite = Sqlite("centurion-bench-stats.db"))
        await StatsBench.RunAsync(sqlite, rows, statsRepeats);
    if (pg is { Length: > 0 })
        await using (var postgres = Postgres(pg))
            await StatsBench.RunAsync(postgres, rows, statsRepeats);
    return;
}

if (records)
{
    var rows = args.Length > 0 ? int.Parse(args[0]) : 1_000_000;
    await using (var sqlite = Sqlite("centurion-bench-records.db"))
        await RecordsBench.RunAsync(sqlite, rows);
    if (pg is { Length: > 0 })
        await using (var postgres = Postgres(pg))
            await RecordsBench.RunAsync(postgres, rows);
    return;
}

var units = args.Length > 0 ? int.Parse(args[0]) : 5000;
var repeats = args.Length > 1 ? int.Parse(args[1]) : 200;

await using (var sqlite = Sqlite("centurion-bench.db"))
    await SubtreeBench.RunAsync(sqlite, units, repeats);

if (pg is { Length: > 0 })
{
    await using var postgres = Postgres(pg);
    await SubtreeBench.RunAsync(postgres, units, repeats);
}

static CenturionDb Sqlite(string name) => new SqliteCenturionDb(
    new DbContextOptionsBuilder<SqliteCenturionDb>().UseSqlite($"Data Source={Path.Combine(Path.GetTempPath(), name)}").Options, Actor("bench"), TimeProvider.System);

static CenturionDb Postgres(string cs) => new PostgresCenturionDb(new DbContextOptionsBuilder<PostgresCenturionDb>().UseNpgsql(cs).Options, Actor("bench"), TimeProvider.System);

static Actor Actor(string name)
{
    var actor = new Actor();
    actor.ActAs(name);
    return actor;
}
