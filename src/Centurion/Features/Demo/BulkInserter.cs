using Centurion.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Centurion.Features.Demo;

/// <summary>
/// Writes generated rows of one entity type on the context's connection and transaction, bypassing change tracking and
/// the per-row audit: the demo's hundreds of thousands of report rows and case records are accounted for by one
/// ImportBatch each, as imported case records are (see CaseRecordInserter). Keys are the caller's to give, or the
/// database's when left out. Table and column names, store types and value conversions (enums stored as text) come
/// from the EF model.
/// </summary>
internal sealed class BulkInserter<T> where T : class
{
    private readonly CenturionDb _db;
    private readonly IProperty[] _properties;
    private readonly string _table;
    private readonly string _columns;

    public BulkInserter(CenturionDb db, params string[] properties)
    {
        _db = db;
        var sql = db.GetService<ISqlGenerationHelper>();
        var entity = db.Model.FindEntityType(typeof(T))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        _properties = [.. properties.Select(p => entity.FindProperty(p) ?? throw new ArgumentException($"{typeof(T).Name} has no property {p}."))];
        _table = sql.DelimitIdentifier(table.Name, table.Schema);
        _columns = string.Join(", ", _properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)));
    }

    public Task<long> InsertAsync(IEnumerable<T> rows, CancellationToken ct) =>
        _db.Database.GetDbConnection() is Npgsql.NpgsqlConnection postgres ? CopyAsync(postgres, rows, ct) : InsertOneByOneAsync(rows, ct);

    /// <summary>SQLite: one prepared single-row INSERT run again and again. Measured on the demo's report values:
    /// 10 or 60 rows per statement, or rows written as SQL literals, were no faster.</summary>
    private async Task<long> InsertOneByOneAsync(IEnumerable<T> rows, CancellationToken ct)
    {
        await using var command = _db.Database.GetDbConnection().CreateCommand();
        command.Transaction = _db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = $"INSERT INTO {_table} ({_columns}) VALUES ({string.Join(", ", _properties.Select((_, i) => "@p" + i))})";
        for (var i = 0; i < _properties.Length; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@p" + i;
            command.Parameters.Add(parameter);
        }
        long count = 0;
        foreach (var row in rows)
        {
            for (var i = 0; i < _properties.Length; i++) command.Parameters[i].Value = ProviderValue(_properties[i], row) ?? DBNull.Value;
            await command.ExecuteNonQueryAsync(ct);
            count++;
        }
        return count;
    }

    /// <summary>PostgreSQL: binary COPY. Multi-row INSERTs of 200 rows took 16 s for the demo's reports on the 2-core
    /// build machine; COPY a small fraction of that.</summary>
    private async Task<long> CopyAsync(Npgsql.NpgsqlConnection connection, IEnumerable<T> rows, CancellationToken ct)
    {
        var writers = _properties.Select(p => ColumnWriter(p.GetRelationalTypeMapping().StoreType.Split('(')[0])).ToArray();
        long count = 0;
        await using var copy = await connection.BeginBinaryImportAsync($"COPY {_table} ({_columns}) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var row in rows)
        {
            // Synchronous writes fill Npgsql's buffer and only block when it is sent; a task per value cost more than the copy.
            copy.StartRow();
            for (var i = 0; i < _properties.Length; i++)
            {
                if (ProviderValue(_properties[i], row) is { } value) writers[i](copy, value);
                else copy.WriteNull();
            }
            count++;
        }
        await copy.CompleteAsync(ct);
        return count;
    }

    /// <summary>Typed writes for the store types in use; naming the type per value (Write(object, "bigint")) resolved it every time.</summary>
    private static Action<Npgsql.NpgsqlBinaryImporter, object> ColumnWriter(string storeType) => storeType switch
    {
        "bigint" => (c, v) => c.Write(Convert.ToInt64(v), NpgsqlTypes.NpgsqlDbType.Bigint),
        "integer" => (c, v) => c.Write(Convert.ToInt32(v), NpgsqlTypes.NpgsqlDbType.Integer),
        "boolean" => (c, v) => c.Write((bool)v, NpgsqlTypes.NpgsqlDbType.Boolean),
        "date" => (c, v) => c.Write((DateOnly)v, NpgsqlTypes.NpgsqlDbType.Date),
        "timestamp with time zone" => (c, v) => c.Write((DateTime)v, NpgsqlTypes.NpgsqlDbType.TimestampTz),
        "text" or "character varying" => (c, v) => c.Write((string)v, NpgsqlTypes.NpgsqlDbType.Text),
        _ => (c, v) => c.Write(v, storeType),
    };

    private static object? ProviderValue(IProperty p, T row)
    {
        var value = p.GetGetter().GetClrValueUsingContainingEntity(row);
        return value is not null && p.GetTypeMapping().Converter is { } converter ? converter.ConvertToProvider(value) : value;
    }

    /// <summary>The next free value of the entity's generated Id.</summary>
    public static async Task<long> NextKeyAsync(CenturionDb db, CancellationToken ct) =>
        (await db.Set<T>().Select(e => EF.Property<long?>(e, "Id")).MaxAsync(ct) ?? 0) + 1;

    /// <summary>After explicit keys, PostgreSQL's identity sequence must be moved past them (SQLite takes max(rowid) + 1 by itself).</summary>
    public static async Task AdvanceKeyAsync(CenturionDb db, CancellationToken ct)
    {
        if (db.Database.IsSqlite()) return;
        var entity = db.Model.FindEntityType(typeof(T))!;
        var sql = db.GetService<ISqlGenerationHelper>();
        var table = sql.DelimitIdentifier(entity.GetTableName()!, entity.GetSchema());
        // Identifiers from the EF model, no input: nothing to inject.
        var statement = $"SELECT setval(pg_get_serial_sequence('{table}', 'Id'), (SELECT COALESCE(MAX({sql.DelimitIdentifier("Id")}), 1) FROM {table}))";
        await db.Database.ExecuteSqlRawAsync(statement, ct);
    }
}
