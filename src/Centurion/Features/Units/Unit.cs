namespace Centurion.Features.Units;

public enum UnitLevel { Province, Prefecture, County, Station }

/// <summary>A node of the police hierarchy: the province's department, a prefecture or county bureau, a station.</summary>
public sealed class Unit
{
    public int Id { get; set; }

    /// <summary>GB/T 2260 division code for province, prefecture and county; a township-style 9-digit code for stations.</summary>
    public required string Code { get; set; }

    public int? ParentId { get; set; }
    public Unit? Parent { get; set; }
    public UnitLevel Level { get; set; }
    public required string NameZh { get; set; }
    public string NameEn { get; set; } = "";

    /// <summary>When this code took effect, where known (codes change when a county becomes a city).</summary>
    public DateOnly? CodeValidFrom { get; set; }

    public string Name(bool english) => english && NameEn.Length > 0 ? NameEn : NameZh;
}

/// <summary>Closure table: one row for every (ancestor, descendant) pair, including each unit with itself at depth 0.</summary>
public sealed class UnitLink
{
    public int AncestorId { get; set; }
    public int DescendantId { get; set; }
    public int Depth { get; set; }
}

/// <summary>A police line (警种): public order, criminal investigation, narcotics control, traffic, …</summary>
public sealed class Line
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string NameZh { get; set; }
    public string NameEn { get; set; } = "";
    public string Name(bool english) => english && NameEn.Length > 0 ? NameEn : NameZh;
}
