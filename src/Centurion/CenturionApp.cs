using Centurion.Components;
using Centurion.Data;
using Centurion.Features.Accounts;
using Centurion.Features.Bulletin;
using Centurion.Features.Campaigns;
using Centurion.Features.Dashboard;
using Centurion.Features.Ledgers;
using Centurion.Features.Reporting;
using Centurion.Features.Records;
using Centurion.Features.Statistics;
using Centurion.Features.Escalation;
using Centurion.Features.Evaluation;
using Centurion.Features.Supervision;
using Centurion.Features.Units;
using Centurion.Features.Work;
using Centurion.Infrastructure;
using Centurion.Infrastructure.Evidence;
using Centurion.Infrastructure.Work;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using System.Text.Encodings.Web;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace Centurion;

/// <summary>The composition root: every feature's services and endpoints are wired here, and nowhere else.</summary>
public static class CenturionApp
{
    public const string DefaultUrl = "http://localhost:5080";

    /// <param name="forCommandLine">Logs go to standard error, so a verb's output stays clean for pipes.</param>
    public static WebApplication Build(string[] args, bool forCommandLine = false)
    {
        var builder = WebApplication.CreateBuilder(args);
        if (forCommandLine)
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
        }
        // Serves assets (and their precompressed variants) from the build output under `dotnet run` in any environment;
        // a published app has none of this manifest and serves from its own wwwroot.
        builder.WebHost.UseStaticWebAssets();
        var services = builder.Services;
        // Chinese text is written as text, not as numeric character references.
        services.AddWebEncoders(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddHttpContextAccessor();
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<Actor>();
        services.AddScoped<CallerScope>();
        services.AddScoped<Reports>();
        services.AddWorkSource<ReportsToFile>().AddWorkSource<ReportsToApprove>();
        services.AddLedgers();
        services.AddWork();
        services.AddSupervision();
        services.AddEvaluation();
        services.AddEscalation();
        services.AddSingleton<IFactSource, ReportFacts>();
        services.AddSingleton<IFactSource, RecordFacts>();
        services.AddScoped<CampaignPlan>().AddScoped<KeyTasks>().AddWorkSource<KeyTaskWork>();
        services.AddSingleton<IUnitFilings, ReportFilings>();
        services.AddCenturionDb();
        services.AddEvidence(config => Path.Combine(Database.DataFolder(config), "evidence"));
        services.AddCenturionAccounts();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        var showErrors = builder.Environment.IsDevelopment() || builder.Environment.IsEnvironment("Testing");
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            // Developers and tests see what failed; users never see internals.
            if (showErrors && ctx.Exception is { } e && e is not DomainException) ctx.ProblemDetails.Detail = e.ToString();
        });
        services.AddExceptionHandler<DomainExceptionHandler>();
        services.AddOpenApi(o => o.AddDocumentTransformer<ApiSecuritySchemes>().AddOperationTransformer<RouteValuesInOpenApi>());
        services.AddRazorComponents();
        services.AddCascadingAuthenticationState();
        services.AddHostedService<DatabaseStartup>();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.SetDefaultCulture(Lang.Chinese).AddSupportedCultures(Lang.Supported).AddSupportedUICultures(Lang.Supported);
            o.ApplyCurrentCultureToResponseHeaders = true;
        });

        var app = builder.Build();
        app.UseErrorPages();
        app.UseRequestLocalization();
        app.MapStaticAssets();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseEvidenceUploads();
        app.UseAntiforgery();

        app.MapOpenApi();
        app.MapAccountEndpoints();
        app.MapUnitsApi();
        app.MapCampaignsApi();
        app.MapCampaignPlanApi();
        app.MapKeyTasksApi();
        app.MapReportsApi();
        app.MapRecordsApi();
        app.MapStatsApi();
        app.MapDashboardExport();
        app.MapBulletinApi();
        app.MapLedgers();
        app.MapWorkApi();
        app.MapSupervision();
        app.MapEvaluation();
        app.MapEscalation();
        app.MapRazorComponents<App>();
        return app;
    }

    /// <summary>Brings the database to the current schema and loads the reference data: units, lines, indicators, roles.</summary>
    public static async Task PrepareDatabaseAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await Database.MigrateAsync(services, ct);
        using var scope = services.CreateScope();
        scope.ServiceProvider.GetRequiredService<Actor>().ActAs("system");
        var db = scope.ServiceProvider.GetRequiredService<CenturionDb>();
        await Hierarchy.LoadReferenceAsync(db, ct);
        await IndicatorCatalogue.LoadAsync(db, ct);
        foreach (var role in Roles.All)
            if (!await db.Roles.AnyAsync(r => r.Name == role, ct))
                db.Roles.Add(new IdentityRole(role) { NormalizedName = role.ToUpperInvariant() });
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>At start, SQLite is migrated in place; PostgreSQL is only checked, since it is migrated by the migrate verb.</summary>
public sealed class DatabaseStartup(IServiceProvider services, IConfiguration config) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        if (Database.Provider(config) == DatabaseProvider.Sqlite)
        {
            await CenturionApp.PrepareDatabaseAsync(services, ct);
            return;
        }
        var pending = await Database.PendingMigrationsAsync(services);
        if (pending.Count > 0)
            throw new InvalidOperationException(
                $"The PostgreSQL database lacks {pending.Count} migration(s) ({string.Join(", ", pending)}). Run: dotnet run --project src/Centurion -- migrate");
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
