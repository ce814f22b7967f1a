using System.CommandLine;
using Centurion.Data;
using Centurion.Features.Accounts;
using Centurion.Features.Campaigns;
using Centurion.Infrastructure;
using Centurion.Infrastructure.Imports;
using Microsoft.EntityFrameworkCore;

namespace Centurion.Features.Reporting;

public static class ReportsCli
{
    /// <summary>`import-reports FILE --campaign CODE [--dry-run]`: acts for the whole province as `cli:USER`. Exit 0 when imported, 2 when refused.</summary>
    public static Command ImportReportsCommand(TextWriter output)
    {
        var command = new Command("import-reports", "Import reported figures (unit,date,indicator,value) for back-filled days or last year's baseline, all or nothing.");
        var file = new Argument<FileInfo>("FILE") { Description = "The CSV or XLSX file." };
        var campaign = new Option<string>("--campaign") { Description = "The campaign's code, e.g. summer-2022.", Required = true };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check the file and report what would change, without storing anything." };
        command.Arguments.Add(file);
        command.Options.Add(campaign);
        command.Options.Add(dryRun);
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            var errors = parse.InvocationConfiguration.Error;
            if (!await Cli.FileExistsAsync(path, errors)) return 2;
            ImportResult<ReportImportSummary>? result = null;
            await Cli.AsProvinceOfficeAsync(async (db, scope, sp) =>
            {
                var c = await CampaignOperations.FindAsync(db, scope, parse.GetValue(campaign)!, ct);
                result = await ReportImport.ImportAsync(db, scope, c, path.FullName, path.Name, parse.GetValue(dryRun),
                    sp.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime, ct);
            }, ct);
            if (result!.Summary is not { } s)
            {
                foreach (var e in result.Errors) await errors.WriteLineAsync($"row {e.Row}, {e.Column}: {e.Message} [{e.Value}]");
                await errors.WriteLineAsync($"The file was not imported: {result.ErrorCount} error(s), nothing was stored.");
                return 2;
            }
            await output.WriteLineAsync($"{(s.DryRun ? "Dry run, nothing stored: " : "Imported: ")}{s.Rows} rows; reports created {s.ReportsCreated}, revised {s.ReportsRevised}, unchanged {s.ReportsUnchanged}.");
            return 0;
        });
        return command;
    }
}
