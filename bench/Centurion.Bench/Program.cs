using Centurion.Bench;
using Centurion.Data;
using Centurion.Infrastructure;
using Microsoft.EntityFrameworkCore;

// Usage: dotnet run --project bench/Centurion.Bench -- [units] [repeats]
// Set CENTURION_BENCH_POSTGRES to a connection string (a scratch database: it is dropped) to measure PostgreSQL too.
var units = args.Length > 0 ? int.Parse(args[0]) : 5000;
var repeats = args.Length > 1 ? int.Parse(args[1]) : 200;

var file = Path.Combine(Path.GetTempPath(), "centurion-bench.db");
await using (var sqlite = new SqliteCenturionDb(new DbContextOptionsBuilder<SqliteCenturionDb>().UseSqlite($"Data Source={file}").Options, new Actor()))
    await SubtreeBench.RunAsync(sqlite, units, repeats);

if (Environment.GetEnvironmentVariable("CENTURION_BENCH_POSTGRES") is { Length: > 0 } pg)
{
    await using var postgres = new PostgresCenturionDb(new DbContextOptionsBuilder<PostgresCenturionDb>().UseNpgsql(pg).Options, new Actor());
    await SubtreeBench.RunAsync(postgres, units, repeats);
}
