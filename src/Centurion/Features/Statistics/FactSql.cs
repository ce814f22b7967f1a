using System.Data.Common;
using Centurion.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Centurion.Features.Statistics;

/// <summary>
/// Set-based SQL for facts, the same text on SQLite and PostgreSQL (both have INSERT … SELECT and INSERT … ON CONFLICT).
/// Table and column names come from the EF model. Only numbers the code produced are written into the text; values travel as parameters.
/// The one entry through which the features whose rows give facts (reports, case records) write them.
/// </summary>
public sealed class FactSql(CenturionDb db)
{
    private readonly ISqlGenerationHelper _sql = db.GetService<ISqlGenerationHelper>();

    public string Table<T>()
    {
        var e = db.Model.FindEntityType(typeof(T))!;
        return _sql.DelimitIdentifier(e.GetTableName()!, e.GetSchema());
    }

    public string Column<T>(string property)
    {
        var e = db.Model.FindEntityType(typeof(T))!;
        return _sql.DelimitIdentifier(e.FindProperty(property)!.GetColumnName(StoreObjectIdentifier.Table(e.GetTableName()!, e.GetSchema()))!);
    }

    private string F(string property) => Column<DailyFact>(property);

    /// <summary>The fact columns in insert order; the first seven are the key.</summary>
    public string FactColumns => string.Join(", ", KeyProperties.Append(nameof(DailyFact.Value)).Select(F));

    public static readonly string[] KeyProperties =
    [
        nameof(DailyFact.IndicatorId), nameof(DailyFact.CampaignId), nameof(DailyFact.Day), nameof(DailyFact.UnitId),
        nameof(DailyFact.Category), nameof(DailyFact.PlaceType), nameof(DailyFact.VictimGroups),
    ];

    /// <summary>Adds to an existing fact rather than failing on it.</summary>
    public string OnConflictAdd =>
        $"ON CONFLICT ({string.Join(", ", KeyProperties.Select(F))}) DO UPDATE SET {F(nameof(DailyFact.Value))} = {Table<DailyFact>()}.{F(nameof(DailyFact.Value))} + excluded.{F(nameof(DailyFact.Value))}";

    public async Task<int> ExecuteAsync(string sql, CancellationToken ct, params object?[] parameters)
    {
        await using var command = Command(sql, parameters);
        return await command.ExecuteNonQueryAsync(ct);
    }

    public DbCommand Command(string sql, params object?[] parameters)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = sql;
        for (var i = 0; i < parameters.Length; i++)
        {
            var p = command.CreateParameter();
            p.ParameterName = "@p" + i;
            p.Value = parameters[i] ?? DBNull.Value;
            command.Parameters.Add(p);
        }
        return command;
    }

    public async Task OpenAsync(CancellationToken ct)
    {
        if (db.Database.GetDbConnection().State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync(ct);
    }
}
