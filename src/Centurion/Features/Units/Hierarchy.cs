using System.Globalization;
using Centurion.Data;
using Centurion.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Centurion.Features.Units;

/// <summary>Writes to the unit hierarchy, keeping the closure table whole.</summary>
public static class Hierarchy
{
    /// <summary>The project's copy of the Sichuan division codes, embedded in the binary (see Data/Reference/README.md for provenance).</summary>
    public static IEnumerable<string> ReferenceLines()
    {
        using var stream = typeof(Hierarchy).Assembly.GetManifestResourceStream("Reference/sichuan-divisions.csv")!;
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line) yield return line;
    }

    public static readonly (string Code, string Zh, string En)[] StandardLines =
    [
        ("public-order", "治安", "Public order"),
        ("criminal-investigation", "刑侦", "Criminal investigation"),
        ("narcotics", "禁毒", "Narcotics control"),
        ("traffic", "交警", "Traffic"),
        ("patrol", "巡特警", "Patrol and special police"),
    ];

    /// <summary>Loads the province, prefectures and counties from the reference file; adds what is missing, changes nothing else.</summary>
    public static async Task<int> LoadReferenceAsync(CenturionDb db, CancellationToken ct = default)
    {
        var rows = ReferenceLines().Skip(1).Where(l => l.Trim().Length > 0)
            .Select(l => l.TrimEnd('\r').Split(','))
            .Select(c => (Code: c[0], Parent: c[1], Level: Enum.Parse<UnitLevel>(c[2], ignoreCase: true), Zh: c[3], En: c[4],
                ValidFrom: c.Length > 5 && c[5].Length > 0 ? DateOnly.ParseExact(c[5], "yyyy-MM-dd", CultureInfo.InvariantCulture) : (DateOnly?)null))
            .ToList();
        var known = await db.Units.ToDictionaryAsync(u => u.Code, ct);
        var added = 0;
        foreach (var level in rows.Select(r => r.Level).Distinct().Order())
        {
            var missing = rows.Where(r => r.Level == level && !known.ContainsKey(r.Code)).ToList();
            var units = await AddManyAsync(db, missing.Select(r => new Unit
            {
                Code = r.Code, Parent = r.Parent.Length > 0 ? known[r.Parent] : null, Level = r.Level,
                NameZh = r.Zh, NameEn = r.En, CodeValidFrom = r.ValidFrom,
            }), ct);
            foreach (var u in units) known[u.Code] = u;
            added += units.Count;
        }
        foreach (var (code, zh, en) in StandardLines)
            if (!await db.Lines.AnyAsync(l => l.Code == code, ct))
                db.Lines.Add(new Line { Code = code, NameZh = zh, NameEn = en });
        await db.SaveChangesAsync(ct);
        return added;
    }

    /// <summary>Adds a unit below its parent, with its closure rows, in one transaction.</summary>
    public static async Task<Unit> AddAsync(CenturionDb db, Unit? parent, string code, UnitLevel level, string zh, string en,
        DateOnly? validFrom = null, CancellationToken ct = default) =>
        (await AddManyAsync(db, [new Unit { Code = code, Parent = parent, Level = level, NameZh = zh, NameEn = en, CodeValidFrom = validFrom }], ct))[0];

    /// <summary>
    /// Adds units whose parents are already stored, then their closure rows (each unit with itself, and with every ancestor
    /// of its parent one level deeper), in one transaction: a unit without its closure rows would be outside every scope.
    /// </summary>
    public static async Task<List<Unit>> AddManyAsync(CenturionDb db, IEnumerable<Unit> units, CancellationToken ct = default)
    {
        var list = units.ToList();
        if (list.Count == 0) return list;
        await db.InTransactionAsync(async ct =>
        {
            db.Units.AddRange(list);
            await db.SaveChangesAsync(ct); // the closure rows need the generated ids
            var parentIds = list.Where(u => u.Parent is not null).Select(u => u.Parent!.Id).Distinct().ToList();
            var above = (await db.UnitLinks.Where(l => parentIds.Contains(l.DescendantId)).ToListAsync(ct)).ToLookup(l => l.DescendantId);
            foreach (var unit in list)
            {
                db.UnitLinks.Add(new UnitLink { AncestorId = unit.Id, DescendantId = unit.Id, Depth = 0 });
                if (unit.Parent is { } parent)
                    db.UnitLinks.AddRange(above[parent.Id].Select(l => new UnitLink { AncestorId = l.AncestorId, DescendantId = unit.Id, Depth = l.Depth + 1 }));
            }
            await db.SaveChangesAsync(ct);
        }, ct);
        return list;
    }

    public static UnitLevel? ChildLevel(UnitLevel level) => level switch
    {
        UnitLevel.Province => UnitLevel.Prefecture,
        UnitLevel.Prefecture => UnitLevel.County,
        UnitLevel.County => UnitLevel.Station,
        _ => null,
    };

    /// <summary>Checks a new child unit's fields; returns the problems by field, empty when it may be added.</summary>
    public static async Task<Dictionary<string, string[]>> ValidateChildAsync(CenturionDb db, Unit parent, string? code, string? nameZh, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (ChildLevel(parent.Level) is null)
            errors["parentCode"] = [new Phrase("派出所之下不能再设单位。", "A police station cannot have units below it.")];
        if (string.IsNullOrWhiteSpace(code) || code.Length > 16 || !code.All(char.IsAsciiLetterOrDigit))
            errors["code"] = [new Phrase("单位代码必须是 1 至 16 位字母或数字。", "The unit code must be 1 to 16 letters or digits.")];
        else if (await db.Units.AnyAsync(u => u.Code == code, ct))
            errors["code"] = [new Phrase($"单位代码 {code} 已被使用。", $"The unit code {code} is already in use.")];
        if (string.IsNullOrWhiteSpace(nameZh))
            errors["nameZh"] = [new Phrase("请填写中文名称。", "The Chinese name is required.")];
        return errors;
    }
}
