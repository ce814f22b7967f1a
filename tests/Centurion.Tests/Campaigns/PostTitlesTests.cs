using Centurion.Features.Campaigns;

namespace Centurion.Tests.Campaigns;

public class PostTitlesTests
{
    [Theory]
    [InlineData("常务副厅长", "Executive Deputy Director")]
    [InlineData("副局长", "Deputy Chief")]
    [InlineData("省厅治安总队总队长", "Head of the Provincial Public Order Corps")]
    [InlineData("省厅巡警总队副总队长", "Deputy Head of the Provincial Patrol Police Corps")]
    [InlineData("刑侦支队副支队长", "Deputy Head of the Criminal Investigation Detachment")]
    [InlineData("治安大队大队长", "Head of the Public Order Brigade")]
    public void A_known_post_has_its_english(string post, string english) => Assert.Equal(english, PostTitles.English(post));

    [Theory]
    [InlineData("治安总队副支队长")] // the level and the head's level disagree
    [InlineData("后勤总队总队长")]   // a line not in the list
    [InlineData("科员")]
    public void A_post_not_known_has_none_and_is_shown_as_typed(string post) => Assert.Null(PostTitles.English(post));
}
