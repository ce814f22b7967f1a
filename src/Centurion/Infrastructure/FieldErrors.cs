namespace Centurion.Infrastructure;

/// <summary>Problems with a request, gathered by field so that a form can show each beside its input; thrown together as one 422.</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _errors = [];

    public void Add(string field, Phrase message)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        list.Add(message);
    }

    public bool Any => _errors.Count > 0;

    public bool Has(string field) => _errors.ContainsKey(field);

    public IReadOnlyDictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray());

    public void ThrowIfAny(Phrase title)
    {
        if (Any) throw DomainException.Invalid(title, _errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
    }
}
