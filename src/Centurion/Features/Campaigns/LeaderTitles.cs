using Centurion.Infrastructure;

namespace Centurion.Features.Campaigns;

/// <summary>
/// English for the posts that a public security department's leaders hold: the campaign office types a leader's post in Chinese
/// (常务副厅长), and the posts are a short official list. A post not in it is shown as typed.
/// </summary>
public static class LeaderTitles
{
    private static readonly Dictionary<string, string> English = new()
    {
        ["厅长"] = "Director",
        ["常务副厅长"] = "Executive Deputy Director",
        ["副厅长"] = "Deputy Director",
        ["政治部主任"] = "Director of the Political Department",
        ["督察长"] = "Chief Inspector",
        ["纪检监察组组长"] = "Head of the Discipline Inspection Group",
        ["党委委员"] = "Member of the Party Committee",
        ["局长"] = "Chief",
        ["常务副局长"] = "Executive Deputy Chief",
        ["副局长"] = "Deputy Chief",
    };

    public static string Name(string title) => Lang.IsEnglish && English.TryGetValue(title.Trim(), out var en) ? en : title;
}
