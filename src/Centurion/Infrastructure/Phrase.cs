using System.Globalization;

namespace Centurion.Infrastructure;

/// <summary>A piece of interface text in both languages; it renders in the current UI culture.</summary>
public sealed record Phrase(string Zh, string En)
{
    public override string ToString() => Lang.IsEnglish ? En : Zh;

    public string Format(params object?[] args) => string.Format(CultureInfo.CurrentCulture, ToString(), args);

    public static implicit operator string(Phrase p) => p.ToString();
}

public static class Lang
{
    public const string Chinese = "zh-CN";
    public const string English = "en";
    public static readonly string[] Supported = [Chinese, English];

    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public static string Pick(string zh, string? en) => IsEnglish && !string.IsNullOrEmpty(en) ? en : zh;
}
