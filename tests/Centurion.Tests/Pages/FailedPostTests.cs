using System.Net;
using Centurion.Data;
using Centurion.Features.Ledgers.NightOperations;
using Centurion.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Centurion.Tests.Pages;

/// <summary>
/// A form post that fails on something other than a rule (here the save itself) answers a page in the user's language with
/// the way back to the form, not an empty 500 that the browser shows as its own error; nothing is stored.
/// </summary>
public class FailedPostTests
{
    [Theory, BothDatabases]
    public async Task A_form_post_whose_save_fails_answers_a_page_in_the_users_language_and_stores_nothing(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, services: s =>
        {
            s.ConfigureDbContext<SqliteCenturionDb>(o => o.AddInterceptors(new FailingSave<NightOperation>()));
            s.ConfigureDbContext<PostgresCenturionDb>(o => o.AddInterceptors(new FailingSave<NightOperation>()));
        });
        app.Clock.SetLocal(2022, 7, 2, 9, 0);
        int before;
        await using (var db = app.Db()) before = await db.Set<NightOperation>().CountAsync();
        var (reporter, _) = await app.SignInAsync("jinjiang");
        var fields = new Dictionary<string, string> { ["Input.Unit"] = "510104", ["Input.Date"] = "2022-07-01", ["Input.PlacesCovered"] = "3", ["Input.Police"] = "10" };

        foreach (var (english, text) in new[] { (false, "服务器出错，未保存任何内容。"), (true, "The server failed; nothing was saved.") })
        {
            if (english) await TestApp.InEnglishAsync(reporter);
            var posted = await TestApp.PostFormAsync(reporter, "/ledgers/night-operations/new", "night-operation", fields);
            var html = await posted.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.InternalServerError, posted.StatusCode);
            Assert.Equal("text/html", posted.Content.Headers.ContentType?.MediaType);
            Assert.Contains(text, html);
            Assert.Contains("id=\"back-to-form\" href=\"/ledgers/night-operations/new\"", html);
        }

        await using var check = app.Db();
        Assert.Equal(before, await check.Set<NightOperation>().CountAsync());
    }
}
