using System.Net;
using Centurion.Data;
using Centurion.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Centurion.Tests.Accounts;

public class SignInTests
{
    [Theory, BothDatabases]
    public async Task An_unknown_api_key_or_none_is_401_and_pages_send_strangers_to_the_login_form(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var client = app.CreateClient(new() { AllowAutoRedirect = false });

        var unknown = new HttpRequestMessage(HttpMethod.Get, "/api/units");
        unknown.Headers.Add("X-Api-Key", "cen_not-a-real-key");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(unknown)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/units")).StatusCode);
        var page = await client.GetAsync("/units");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/login", page.Headers.Location!.PathAndQuery);
    }

    [Theory, BothDatabases]
    public async Task A_user_signs_in_through_the_form_and_sees_their_scope(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (client, response) = await app.SignInAsync("chengdu");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var home = await client.GetStringAsync("/");
        Assert.Contains("成都市", home);
        Assert.Contains("单位领导", home);
    }

    [Theory, BothDatabases]
    public async Task Five_wrong_passwords_lock_the_account_so_even_the_right_one_is_refused(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        for (var i = 0; i < 5; i++)
        {
            var (_, wrong) = await app.SignInAsync("jinjiang", "not-the-password");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        var (client, right) = await app.SignInAsync("jinjiang");

        Assert.Equal(HttpStatusCode.OK, right.StatusCode); // the form again, not a redirect into the site
        Assert.Contains("锁定", await right.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/units")).StatusCode);
        await using var db = app.Db();
        var user = await db.Users.SingleAsync(u => u.UserName == "jinjiang");
        Assert.True(user.LockoutEnd > DateTimeOffset.UtcNow.AddMinutes(10));
    }

    [Theory, BothDatabases]
    public async Task A_wrong_password_keeps_the_user_name_typed(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (_, response) = await app.SignInAsync("chengdu", "wrong-password");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("用户名或密码不正确", html);
        Assert.Contains("value=\"chengdu\"", html);
    }

    [Theory, BothDatabases]
    public async Task The_language_switch_sticks_for_the_browser_and_the_user(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (client, _) = await app.SignInAsync("chengdu");
        var page = await client.GetStringAsync("/units");
        Assert.Contains("成都市", page);

        var switched = await client.PostAsync("/culture", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = TestApp.Token(page), ["culture"] = "en", ["returnUrl"] = "/units",
        }));

        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        var english = await client.GetStringAsync("/units");
        Assert.Contains("Chengdu", english);
        Assert.Contains("Jinjiang District", english);
        await using var db = app.Db();
        Assert.Equal("en", (await db.Users.SingleAsync(u => u.UserName == "chengdu")).Culture);
    }

    [Theory, BothDatabases]
    public async Task A_form_post_without_the_antiforgery_token_is_refused(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (client, _) = await app.SignInAsync("chengdu");

        var forged = await client.PostAsync("/culture", new FormUrlEncodedContent(new Dictionary<string, string> { ["culture"] = "en" }));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        await using var db = app.Db();
        Assert.Null((await db.Users.SingleAsync(u => u.UserName == "chengdu")).Culture);
    }
}
