using System.Net;
using Centurion.Data;
using Centurion.Tests.Support;

namespace Centurion.Tests.Ledgers;

/// <summary>A ledger form says once that it saved: the message is not in the address, so a reload does not repeat it.</summary>
public class LedgerPageTests
{
    /// <summary>Each form that redirects to its entry's page, its form name, and what a reporter of Jinjiang types.</summary>
    private static readonly (string Url, string Form, Dictionary<string, string> Fields)[] Forms =
    [
        ("/ledgers/night-operations/new", "night-operation", new() { ["Input.Unit"] = "510104", ["Input.Date"] = "2022-07-01", ["Input.PlacesCovered"] = "3", ["Input.Police"] = "10" }),
        ("/ledgers/visits/new", "visit", new() { ["Input.Unit"] = "510104", ["Input.VisitedLocal"] = "2022-07-01T21:00", ["Input.Area"] = "Chunxi Road", ["Input.Police"] = "2" }),
    ];

    [Theory, BothDatabases]
    public async Task The_saved_message_shows_after_saving_and_not_again_on_a_reload(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        app.Clock.SetLocal(2022, 7, 2, 9, 0);
        var (reporter, _) = await app.SignInAsync("jinjiang");

        foreach (var (url, form, fields) in Forms)
        {
            var posted = await TestApp.PostFormAsync(reporter, url, form, fields);

            Assert.True(posted.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.SeeOther or HttpStatusCode.Found,
                $"{url}: {(int)posted.StatusCode}\n{await posted.Content.ReadAsStringAsync()}");
            var location = posted.Headers.Location!.OriginalString;
            Assert.DoesNotContain("saved", location);
            Assert.Contains("id=\"saved\"", await TestApp.PageAsync(reporter, location));
            Assert.DoesNotContain("id=\"saved\"", await TestApp.PageAsync(reporter, location));
        }
    }

    /// <summary>
    /// The hub offers the import only to those who may import: those who keep ledgers, and the campaign office for the spot-check
    /// results it records (the import page then offers it that kind alone); a supervisor reads and was sent to "access denied".
    /// </summary>
    [Theory, BothDatabases]
    public async Task The_hub_offers_the_import_only_to_those_who_may_import(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (reporter, _) = await app.SignInAsync("jinjiang");
        var (office, _) = await app.SignInAsync("province");
        var (inspector, _) = await app.SignInAsync("inspector");
        Assert.Contains("id=\"hub-import\"", await TestApp.PageAsync(reporter, "/ledgers"));
        Assert.Contains("id=\"hub-import\"", await TestApp.PageAsync(office, "/ledgers"));
        Assert.DoesNotContain("id=\"hub-import\"", await TestApp.PageAsync(inspector, "/ledgers"));
        Assert.Contains("id=\"hub-reconciliation\"", await TestApp.PageAsync(office, "/ledgers"));

        var officeImport = await TestApp.PageAsync(office, "/ledgers/import");
        Assert.Contains("value=\"spot-checks\"", officeImport);
        Assert.DoesNotContain("value=\"visits\"", officeImport);
        var reporterImport = await TestApp.PageAsync(reporter, "/ledgers/import");
        Assert.Contains("value=\"screenings\"", reporterImport);
        Assert.DoesNotContain("value=\"spot-checks\"", reporterImport);
    }
}
