using System.Text.RegularExpressions;
using Centurion.Infrastructure;

namespace Centurion.Features.Ledgers.Disputes;

/// <summary>
/// The dispute ledger records parties by name or description only: text that looks like a resident ID number
/// (18 digits, the last possibly X) or a mobile phone number (11 digits starting 1[3-9]) is refused.
/// </summary>
public static partial class PersonalData
{
    [GeneratedRegex(@"(?<![0-9])[1-9][0-9]{16}[0-9Xx](?![0-9])")]
    private static partial Regex IdNumber();

    [GeneratedRegex(@"(?<![0-9])1[3-9][0-9]{9}(?![0-9])")]
    private static partial Regex Mobile();

    /// <summary>Which kind of personal number the text holds, or null.</summary>
    public static Phrase? Find(string? text)
    {
        if (string.IsNullOrEmpty(text)) return null;
        var digits = text.Replace(" ", "").Replace("-", "");
        if (IdNumber().IsMatch(digits)) return new("疑似身份证号码", "what looks like an ID number");
        if (Mobile().IsMatch(digits)) return new("疑似手机号码", "what looks like a mobile phone number");
        return null;
    }

    public static void Refuse(string? text, string field, Phrase label)
    {
        if (Find(text) is not { } what) return;
        var message = new Phrase($"“{label.Zh}”中含有{what.Zh}。台账只记录姓名或描述，请删去身份证号和电话号码。",
            $"“{label.En}” contains {what.En}. The ledger records names or descriptions only: remove ID and phone numbers.");
        throw DomainException.Invalid(message, new Dictionary<string, string[]> { [field] = [message] });
    }
}
