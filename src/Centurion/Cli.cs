using System.CommandLine;
using System.Text.Json;
using Centurion.Data;
using Centurion.Features.Accounts;
using Centurion.Features.Demo;
using Centurion.Features.Units;
using Centurion.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Centurion;

/// <summary>
/// The command-line verbs. With no verb (or only host options such as --urls) the web application is served.
/// Every verb reads the same configuration as the server: appsettings.json, environment variables, user secrets.
/// </summary>
public static class Cli
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

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

        root.Subcommands.Add(UnitsCommand(output));
        root.Subcommands.Add(UserCommand(output));
        root.Subcommands.Add(ApiKeyCommand(output));
        root.Subcommands.Add(Features.Records.RecordsCli.ImportRecordsCommand(output));
        root.Subcommands.Add(Features.Reporting.ReportsCli.ImportReportsCommand(output));
        foreach (var command in Features.Statistics.StatsCli.Commands(output)) root.Subcommands.Add(command);
        root.Subcommands.Add(Features.Bulletin.Bulletins.Command(output));
        return root;
    }

    private static Command UnitsCommand(TextWriter output)
    {
        var units = new Command("units", "Read the unit hierarchy.");
        var list = new Command("list", "List every unit: code, parent code, level and names.");
        var json = new Option<bool>("--json") { Description = "Write JSON instead of a table." };
        list.Options.Add(json);
        list.SetAction(async (parse, ct) =>
        {
            var rows = await WithDbAsync(db => db.Units.OrderBy(u => u.Code).ToDto().ToListAsync(ct));
            if (parse.GetValue(json)) await output.WriteLineAsync(JsonSerializer.Serialize(rows, Json));
            else
                foreach (var u in rows)
                    await output.WriteLineAsync($"{u.Code,-10} {u.ParentCode ?? "",-10} {u.Level,-11} {u.NameZh}\t{u.NameEn}");
            return 0;
        });
        units.Subcommands.Add(list);
        return units;
    }

    private static Command UserCommand(TextWriter output)
    {
        var user = new Command("user", "Manage users.");
        var add = new Command("add", "Add a user with a unit scope, roles and optionally a line.");
        var name = new Option<string>("--name") { Description = "User name to sign in with.", Required = true };
        var password = new Option<string>("--password") { Description = "At least 10 characters.", Required = true };
        var unit = new Option<string>("--unit") { Description = "Code of the unit whose subtree the user may see, e.g. 510100.", Required = true };
        var role = new Option<string[]>("--role") { Description = $"One or more of: {string.Join(", ", Roles.All)}.", Required = true, AllowMultipleArgumentsPerToken = true };
        var line = new Option<string?>("--line") { Description = "Limit the user to one police line, e.g. criminal-investigation." };
        var display = new Option<string?>("--display-name") { Description = "Name shown in the interface." };
        foreach (var o in new Option[] { name, password, unit, role, line, display }) add.Options.Add(o);
        add.SetAction(async (parse, ct) =>
        {
            await WithServicesAsync(async sp =>
            {
                var db = sp.GetRequiredService<CenturionDb>();
                var created = await Accounts.AddUserAsync(db, sp.GetRequiredService<UserManager<User>>(), parse.GetValue(name)!, parse.GetValue(password)!,
                    parse.GetValue(unit)!, parse.GetValue(role)!, parse.GetValue(line), parse.GetValue(display), ct);
                await output.WriteLineAsync($"User {created.UserName} added.");
            });
            return 0;
        });
        user.Subcommands.Add(add);
        return user;
    }

    private static Command ApiKeyCommand(TextWriter output)
    {
        var apikey = new Command("apikey", "Manage API keys for other systems.");
        var create = new Command("create", "Create an API key for a user and print it. It is shown this once; only its hash is stored.");
        var userName = new Option<string>("--user") { Description = "The user the key acts as (their scope and roles apply).", Required = true };
        var label = new Option<string?>("--name") { Description = "A label, e.g. the calling system's name." };
        create.Options.Add(userName);
        create.Options.Add(label);
        create.SetAction(async (parse, ct) =>
        {
            await WithServicesAsync(async sp =>
            {
                var db = sp.GetRequiredService<CenturionDb>();
                var who = parse.GetValue(userName)!;
                var user = await db.Users.FirstOrDefaultAsync(u => u.UserName == who, ct)
                    ?? throw DomainException.NotFound(new($"没有用户 {who}。", $"There is no user {who}."));
                await output.WriteLineAsync(await Authentication.CreateApiKeyAsync(db, user, parse.GetValue(label) ?? "cli", ct));
            });
            return 0;
        });
        apikey.Subcommands.Add(create);
        return apikey;
    }

    private static async Task SeedDemoAsync(IServiceProvider sp, long? records, TextWriter output, CancellationToken ct)
    {
        await CenturionApp.PrepareDatabaseAsync(sp, ct);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var campaign = await DemoData.SeedAsync(sp.GetRequiredService<CenturionDb>(), sp.GetRequiredService<UserManager<User>>(), records, ct);
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

    private static async Task<T> WithDbAsync<T>(Func<CenturionDb, Task<T>> query)
    {
        var result = default(T)!;
        await WithServicesAsync(async sp => result = await query(sp.GetRequiredService<CenturionDb>()));
        return result;
    }
}
