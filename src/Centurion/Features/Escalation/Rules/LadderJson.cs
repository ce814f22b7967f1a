using System.Text.Json;
using System.Text.Json.Serialization;
using Centurion.Infrastructure;

namespace Centurion.Features.Escalation.Rules;

/// <summary>
/// A ladder as JSON, the form it is stored, exported and imported in, read as strictly as the scoring scheme's
/// (<c>Evaluation.Schemes.SchemeJson</c>): camelCase names, enums in kebab case (<c>"when": "black-listed"</c>,
/// <c>"rung": "interview"</c>); an unknown or missing member, a wrong type or a broken rule is a 422 naming the field by its path.
/// </summary>
public static class LadderJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false) },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
    };

    public static readonly Phrase Invalid = new("升级规则有误，未保存。", "The escalation ladder has errors; nothing was saved.");

    public static string Write(Ladder ladder) => JsonSerializer.Serialize(ladder, Options);

    /// <summary>The ladder in <paramref name="json"/>, sound, or a 422 that says which field is wrong and why.</summary>
    public static Ladder Read(string json)
    {
        var ladder = Parse(json);
        Check(ladder);
        return ladder;
    }

    /// <summary>The ladder as written, its rules not yet checked (a 422 by path if it cannot be read).</summary>
    public static Ladder Parse(string json)
    {
        Ladder? ladder;
        try
        {
            ladder = JsonSerializer.Deserialize<Ladder>(json, Options);
        }
        catch (JsonException e)
        {
            var at = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "json" : e.Path.TrimStart('$', '.');
            throw DomainException.Invalid(Invalid, new Dictionary<string, string[]> { [at] = [new Phrase($"JSON 无法读取：{e.Message}", $"the JSON cannot be read: {e.Message}")] });
        }
        return ladder ?? throw DomainException.Invalid(Invalid, new Dictionary<string, string[]> { ["json"] = [new Phrase("JSON 为空", "the JSON is empty")] });
    }

    public static void Check(Ladder ladder)
    {
        var problems = ladder.Problems();
        if (problems.Count > 0) throw DomainException.Invalid(Invalid, problems.ToDictionary(p => p.Key, p => p.Value));
    }

    public static string Code(Rung r) => JsonNamingPolicy.KebabCaseLower.ConvertName(r.ToString());
    public static string Code(Trigger t) => JsonNamingPolicy.KebabCaseLower.ConvertName(t.ToString());
}
