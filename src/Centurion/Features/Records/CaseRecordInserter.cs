using System.Data.Common;
using Centurion.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Centurion.Features.Records;

/// <summary>
/// Inserts case records with multi-row INSERT statements and parameters, on the context's connection and transaction.
/// EF would insert (and audit) them one statement per row, several times slower for a million rows; an import's inserts
/// are accounted for by its ImportBatch instead. Table and column names come from the EF model.
/// </summary>
internal sealed class CaseRecordInserter : IDisposable
{
    private static readonly string[] Properties =
    [
        nameof(CaseRecord.ExternalId), nameof(CaseRecord.Kind), nameof(CaseRecord.UnitId), nameof(CaseRecord.Category),
        nameof(CaseRecord.FiledOn), nameof(CaseRecord.SolvedOn), nameof(CaseRecord.Suspects), nameof(CaseRecord.PlaceType),
        nameof(CaseRecord.VictimGroups), nameof(CaseRecord.ControlledInstrument), nameof(CaseRecord.ImportBatchId),
    ];

    private readonly CenturionDb _db;
    private readonly string _insertInto;
    private DbCommand? _command;
    private int _commandRows;

    public CaseRecordInserter(CenturionDb db)
    {
        _db = db;
        var sql = db.GetService<ISqlGenerationHelper>();
        var entity = db.Model.FindEntityType(typeof(CaseRecord))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = Properties.Select(p => sql.DelimitIdentifier(entity.FindProperty(p)!.GetColumnName(table)!));
        _insertInto = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", columns)}) VALUES ";
    }

    public async Task InsertAsync(IReadOnlyList<CaseRecord> records, CancellationToken ct)
    {
        if (records.Count == 0) return;
        var command = CommandFor(records.Count);
        var p = 0;
        foreach (var r in records)
        {
            object?[] values = [r.ExternalId, (int)r.Kind, r.UnitId, r.Category, r.FiledOn, r.SolvedOn, r.Suspects, r.PlaceType,
                (int)r.VictimGroups, r.ControlledInstrument, r.ImportBatchId];
            foreach (var v in values) command.Parameters[p++].Value = v ?? DBNull.Value;
        }
        await command.ExecuteNonQueryAsync(ct);
    }

    public void Dispose() => _command?.Dispose();

    /// <summary>One prepared command per batch size (all batches but the last are full), reused with new values.</summary>
    private DbCommand CommandFor(int rows)
    {
        if (_command is not null && _commandRows == rows) return _command;
        _command?.Dispose();
        var connection = _db.Database.GetDbConnection();
        var command = connection.CreateCommand();
        command.Transaction = _db.Database.CurrentTransaction?.GetDbTransaction();
        var text = new System.Text.StringBuilder(_insertInto);
        var n = 0;
        for (var row = 0; row < rows; row++)
        {
            text.Append(row == 0 ? "(" : ", (");
            for (var column = 0; column < Properties.Length; column++, n++)
            {
                text.Append(column == 0 ? "" : ", ").Append("@p").Append(n);
                var parameter = command.CreateParameter();
                parameter.ParameterName = "@p" + n;
                command.Parameters.Add(parameter);
            }
            text.Append(')');
        }
        command.CommandText = text.ToString();
        (_command, _commandRows) = (command, rows);
        return command;
    }
}
