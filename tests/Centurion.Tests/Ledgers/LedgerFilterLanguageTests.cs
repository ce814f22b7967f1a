using Centurion.Data;
using Centurion.Tests.Support;

namespace Centurion.Tests.Ledgers;

public class LedgerFilterLanguageTests
{
    /// <summary>The filters' state and type names were computed once, in the language of whoever opened the list first after start.</summary>
    [Theory]
    [InlineData("/ledgers/hazards", "<option value=\"found\">已发现</option>", "<option value=\"found\">Found</option>")]
    [InlineData("/ledgers/disputes", "<option value=\"found\">已发现</option>", "<option value=\"found\">Found</option>")]
    public async Task A_ledger_lists_filter_names_follow_each_readers_language(string url, string chinese, string english)
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite);
        var (zh, _) = await app.SignInAsync("jinjiang");
        Assert.Contains(chinese, await TestApp.PageAsync(zh, url));
        var (en, _) = await app.SignInAsync("province");
        await TestApp.InEnglishAsync(en);
        var page = await TestApp.PageAsync(en, url);
        Assert.Contains(english, page);
        Assert.DoesNotContain(chinese, page);
    }
}
