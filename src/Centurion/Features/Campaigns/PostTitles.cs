using System.Text.RegularExpressions;
using Centurion.Infrastructure;

namespace Centurion.Features.Campaigns;

/// <summary>
/// English for the posts that a public security department's people hold, typed in Chinese by the campaign office (a leader's
/// 常务副厅长, a key task's 省厅治安总队副总队长): the department's leadership is a short official list, and the head of a corps,
/// detachment or brigade is named by its police line. A post not recognised is shown as typed.
/// </summary>
public static partial class PostTitles
{
    private static readonly Dictionary<string, string> Leaders = new()
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

    private static readonly Dictionary<string, string> Lines = new()
    {
        ["治安"] = "Public Order", ["巡警"] = "Patrol Police", ["刑侦"] = "Criminal Investigation", ["特警"] = "Special Police",
        ["交警"] = "Traffic Police", ["禁毒"] = "Narcotics Control", ["网安"] = "Cyber Security",
    };

    private static readonly Dictionary<string, string> Levels = new() { ["总队"] = "Corps", ["支队"] = "Detachment", ["大队"] = "Brigade" };

    public static string Name(string post) => Lang.IsEnglish && English(post.Trim()) is { } en ? en : post;

    /// <summary>The English of a post, or null when it is not one known here.</summary>
    public static string? English(string post)
    {
        if (Leaders.TryGetValue(post, out var leader)) return leader;
        if (Head().Match(post) is not { Success: true } m || !Lines.TryGetValue(m.Groups["line"].Value, out var line)) return null;
        var head = m.Groups["deputy"].Success ? "Deputy Head" : "Head";
        var provincial = m.Groups["province"].Success ? "Provincial " : "";
        return $"{head} of the {provincial}{line} {Levels[m.Groups["level"].Value]}";
    }

    // 省厅治安总队副总队长: the provincial department's public order corps, its deputy head.
    [GeneratedRegex("^(?<province>省厅)?(?<line>..)(?<level>总队|支队|大队)(?<deputy>副)?\\k<level>长$")]
    private static partial Regex Head();
}
