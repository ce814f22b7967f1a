using System.CommandLine;
using Centurion.Data;
using Centurion.Features.Accounts;
using Centurion.Infrastructure;
using Centurion.Infrastructure.Imports;
using Microsoft.EntityFrameworkCore;

namespace Centurion.Features.Records;

public static class RecordsCli
{
    /// <summary>`import-records FILE [--dry-run]`: acts for the whole province as `cli:USER`. Exit 0 when imported (or checked), 2 when refused.</summary>
    public static Command ImportRecordsCommand(TextWriter output)
    {
        var command = new Command("import-records", "Import case records from a CSV or XLSX file, all or nothing (see the README's Case records section).");
        var file = new Argument<FileInfo>("FILE") { Description = "The CSV or XLSX file." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check the file and report what would change, without storing anything." };
        command.Arguments.Add(file);
        command.Options.Add(dryRun);
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            var errors = parse.InvocationConfiguration.Error;
            if (!await Cli.FileExistsAsync(path, errors)) return 2;
            ImportResult<ImportSummary>? result = null;
            await Cli.AsProvinceOfficeAsync(async (db, scope, _) =>
            {
                result = await RecordImporter.ImportAsync(db, scope, path.FullName, path.Name, parse.GetValue(dryRun), ct);
            }, ct);
            if (result!.Summary is not { } s)
            {
                foreach (var e in result.Errors)
                    await errors.WriteLineAsync($"row {e.Row}, {e.Column}: {e.Message} [{e.Value}]");
                await errors.WriteLineAsync(RecordsApi.Text.Refused.Format(result.ErrorCount));
                return 2;
            }
            await output.WriteLineAsync(s.DryRun
                ? $"Dry run: {s.Rows} rows checked; would insert {s.Inserted}, update {s.Updated}, leave {s.Unchanged} unchanged. Nothing was stored."
                : $"Imported {s.Rows} rows: {s.Inserted} inserted, {s.Updated} updated, {s.Unchanged} unchanged (batch {s.BatchId}).");
            return 0;
        });
        return command;
    }
}
