using System.Text.Json;
using System.Text.Json.Serialization;
using Centurion.Features.Evaluation.Scoring;
using Centurion.Infrastructure;

namespace Centurion.Features.Evaluation.Schemes;

/// <summary>
/// A scheme as JSON, the form it is stored, exported and imported in: camelCase names, enums in kebab case
/// (<c>"method": "improvement"</c>, <c>"kind": "overdue-item"</c>, <c>"precedence": "black-wins"</c>). Reading is strict: an
/// unknown or missing member, a wrong type or a broken rule is a 422 naming the field by its path (<c>indicators[1].weight</c>),
/// so what is imported is exactly what the editor would have saved.
/// </summary>
public static class SchemeJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false) },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        WriteIndented = true,
    };

    public static string Write(Scheme scheme) => JsonSerializer.Serialize(scheme, Options);

    /// <summary>The scheme in <paramref name="json"/>, sound, or a 422 that says which field is wrong and why.</summary>
    public static Scheme Read(string json)
    {
        var scheme = Parse(json);
        Check(scheme);
        return scheme;
    }

    /// <summary>The scheme in <paramref name="json"/> as written, its rules not yet checked (a 422 by path if it cannot be read).</summary>
    public static Scheme Parse(string json)
    {
        Scheme? scheme;
        try
        {
            scheme = JsonSerializer.Deserialize<Scheme>(json, Options);
        }
        catch (JsonException e)
        {
            var at = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "json" : e.Path.TrimStart('$', '.');
            throw DomainException.Invalid(Invalid, new Dictionary<string, string[]> { [at] = [new Phrase($"JSON 无法读取：{e.Message}", $"the JSON cannot be read: {e.Message}")] });
        }
        return scheme ?? throw DomainException.Invalid(Invalid, new Dictionary<string, string[]> { ["json"] = [new Phrase("JSON 为空", "the JSON is empty")] });
    }

    /// <summary>Refuses an unsound scheme with a 422 listing each wrong field.</summary>
    public static void Check(Scheme scheme)
    {
        var problems = scheme.Problems();
        if (problems.Count > 0) throw DomainException.Invalid(Invalid, problems.ToDictionary(p => p.Key, p => p.Value));
    }

    public static readonly Phrase Invalid = new("计分方案有误，未保存。", "The scoring scheme has errors; nothing was saved.");
}
