using System.CommandLine;
using Centurion.Data;
using Centurion.Features.Accounts;
using Centurion.Features.Demo;
using Centurion.Features.Units;
using Centurion.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Centurion;

/// <summary>
/// The command line's root: serve, demo, seed-demo and migrate, and each feature's verbs. With no verb (or only host options such as --urls) the web application is served.
/// Every verb reads the same configuration as the server: appsettings.json, environment variables, user secrets.
/// </summary>
public static class Cli
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter? errors = null)
    {
        errors ??= Console.Error;
        if (args.Length == 0 || (args[0].StartsWith('-') && args[0] is not ("--help" or "-h" or "-?" or "--version")))
        {
            await ServeAsync(args, output, printDemoLogins: false);
            return 0;
        }
        var root = BuildCommands(output);
        try
        {
            return await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = errors, EnableDefaultExceptionHandler = false });
        }
        catch (DomainException e)
        {
            await errors.WriteLineAsync(e.Text.ToString());
            return 2;
        }
    }

    private static RootCommand BuildCommands(TextWriter output)
    {
        var root = new RootCommand("Centurion: command platform for police special campaigns. With no verb, serves the web application.");

        var serve = new Command("serve", "Serve the web application (the default). ASPNETCORE_URLS or --urls sets the address.");
        serve.SetAction(async (_, ct) => { await ServeAsync([], output, printDemoLogins: false); return 0; });
        root.Subcommands.Add(serve);

        var demo = new Command("demo", "Migrate the database, load the demo data, print the URL and demo logins, and serve.");
        demo.SetAction(async (_, ct) =>
        {
            await WithServicesAsync(async sp => await SeedDemoAsync(sp, null, output, ct));
            await ServeAsync([], output, printDemoLogins: true);
            return 0;
        });
        root.Subcommands.Add(demo);

        var seedDemo = new Command("seed-demo", "Migrate the database and write the demo data into it, without serving: units' stations, demo users, "
            + "and the summer-2022 campaign with its daily reports and case records (skipped when the campaign exists).");
        var records = new Option<long?>("--records")
        {
            Description = "How many case records to generate, e.g. 10000000 for benchmarks (default: the demo's own size, about 46,000). "
                + "Any size has the same shape; the source bulletin's exact figures for 25 June - 20 July 2022 hold only at the default size.",
        };
        records.Validators.Add(r => { if (r.GetValue(records) is < 1) r.AddError("--records must be at least 1."); });
        seedDemo.Options.Add(records);
        seedDemo.SetAction(async (parse, ct) =>
        {
            await WithServicesAsync(async sp => await SeedDemoAsync(sp, parse.GetValue(records), output, ct));
            await output.WriteLineAsync("Demo data written.");
            return 0;
        });
        root.Subcommands.Add(seedDemo);

        var migrate = new Command("migrate", "Apply database migrations and load the reference data (units, lines, roles). The only way PostgreSQL is migrated.");
        migrate.SetAction(async (_, ct) =>
        {
            await WithServicesAsync(async sp => await CenturionApp.PrepareDatabaseAsync(sp, ct));
            await output.WriteLineAsync("Database is up to date.");
            return 0;
        });
        root.Subcommands.Add(migrate);

        root.Subcommands.Add(UnitsCli.Command(output));
        root.Subcommands.Add(AccountsCli.UserCommand(output));
        root.Subcommands.Add(AccountsCli.ApiKeyCommand(output));
        root.Subcommands.Add(Features.Records.RecordsCli.ImportRecordsCommand(output));
        root.Subcommands.Add(Features.Reporting.ReportsCli.ImportReportsCommand(output));
        foreach (var command in Features.Statistics.StatsCli.Commands(output)) root.Subcommands.Add(command);
        root.Subcommands.Add(Features.Bulletin.Bulletins.Command(output));
        root.Subcommands.Add(Features.Work.WorkCli.RemindCommand(output));
        root.Subcommands.Add(Features.Evaluation.Publication.EvaluateCli.Command(output));
        return root;
    }

    private static async Task SeedDemoAsync(IServiceProvider sp, long? records, TextWriter output, CancellationToken ct)
    {
        await CenturionApp.PrepareDatabaseAsync(sp, ct);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var campaign = await DemoData.SeedAsync(sp.GetRequiredService<CenturionDb>(), sp.GetRequiredService<UserManager<User>>(), records, ct);
        await DemoEvidence.SeedAsync(sp.GetRequiredService<CenturionDb>(), sp.GetRequiredService<Infrastructure.Evidence.EvidenceStore>(), ct);
        if (campaign is null) await output.WriteLineAsync($"Campaign {DemoCampaign.Code} exists; left as it is.");
        else
            await output.WriteLineAsync($"Campaign {DemoCampaign.Code}: {campaign.Reports:N0} reports ({campaign.Revisions:N0} revisions, {campaign.Values:N0} values), "
                + $"{campaign.Records:N0} case records, in {System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s.");
    }

    /// <remarks>Under WebApplicationFactory this runs too: the factory lets the entry point go on after the host is built, and
    /// this RunAsync is what starts the host it tests (so tests set an address, and the default one is not added).</remarks>
    private static async Task ServeAsync(string[] args, TextWriter output, bool printDemoLogins)
    {
        var app = CenturionApp.Build(args);
        if (string.IsNullOrEmpty(app.Configuration["urls"]) && string.IsNullOrEmpty(app.Configuration["http_ports"]))
            app.Urls.Add(CenturionApp.DefaultUrl);
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            output.WriteLine($"Centurion is serving at {string.Join(", ", app.Urls)}");
            if (!printDemoLogins) return;
            output.WriteLine($"Demo logins (password for each: {DemoData.Password}):");
            foreach (var u in DemoData.Users) output.WriteLine($"  {u.Name,-10} {u.Note}");
            output.WriteLine("Press Ctrl+C to stop.");
        });
        await app.RunAsync();
    }

    /// <summary>Runs a verb with the application's services, acting as the command-line user over the whole hierarchy.</summary>
    internal static async Task WithServicesAsync(Func<IServiceProvider, Task> work)
    {
        await using var app = CenturionApp.Build([], forCommandLine: true);
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Actor>().ActAs($"cli:{Environment.UserName}");
        await work(scope.ServiceProvider);
    }

    /// <summary>
    /// Runs a verb as the command-line user with the campaign office's reach over the whole province: the verbs that read or
    /// write campaign data (imports, statistics, the bulletin) go through the same scope checks as the API.
    /// </summary>
    internal static Task AsProvinceOfficeAsync(Func<CenturionDb, CallerScope, IServiceProvider, Task> work, CancellationToken ct) =>
        WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<CenturionDb>();
            var scope = sp.GetRequiredService<CallerScope>();
            scope.ActFor(await db.Units.Where(u => u.ParentId == null).Select(u => u.Id).SingleAsync(ct), null, Roles.CampaignOffice);
            await work(db, scope, sp);
        });

    /// <summary>False, with a message on standard error, when an input file is missing.</summary>
    internal static async Task<bool> FileExistsAsync(FileInfo file, TextWriter errors)
    {
        if (file.Exists) return true;
        await errors.WriteLineAsync(new Phrase($"找不到文件 {file.FullName}。", $"There is no file {file.FullName}."));
        return false;
    }
}
