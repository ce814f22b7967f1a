using Centurion.Data;
using Microsoft.EntityFrameworkCore;

namespace Centurion.Features.Campaigns;

/// <summary>The standard indicators, loaded with the reference data; a campaign chooses among them.</summary>
public static class IndicatorCatalogue
{
    public sealed record Definition(string Code, string Zh, string En, Measure Measure, string? Line, IndicatorSource Source,
        DerivedRule Rule = DerivedRule.None, GoodDirection Good = GoodDirection.Up, string? AtMost = null);

    public static readonly Definition[] Standard =
    [
        new("police-deployments", "出动警力", "Police person-deployments", Measure.PersonTimes, "patrol", IndicatorSource.Reported),
        new("social-forces", "发动群防群治力量", "Social-force person-times", Measure.PersonTimes, "public-order", IndicatorSource.Reported),
        new("night-operations", "夜查清查整治行动", "Night sweep-and-rectify operations", Measure.Operations, "public-order", IndicatorSource.Reported),
        new("disputes-screened", "排查矛盾纠纷", "Disputes screened", Measure.Disputes, "public-order", IndicatorSource.Reported),
        new("disputes-resolved", "化解矛盾纠纷", "Disputes resolved", Measure.Disputes, "public-order", IndicatorSource.Reported, AtMost: "disputes-screened"),
        new("key-places-checked", "检查重点场所", "Key places checked", Measure.Places, "public-order", IndicatorSource.Reported),
        new("patrols", "巡逻防控", "Patrol person-times", Measure.PersonTimes, "patrol", IndicatorSource.Reported),
        new("criminal-cases-filed", "刑事案件立案", "Criminal cases filed", Measure.Cases, "criminal-investigation", IndicatorSource.Derived, DerivedRule.CriminalFiled, GoodDirection.Down),
        new("criminal-cases-solved", "破获刑事案件", "Criminal cases solved", Measure.Cases, "criminal-investigation", IndicatorSource.Derived, DerivedRule.CriminalSolved),
        new("public-order-cases", "受理治安案件", "Public-order cases", Measure.Cases, "public-order", IndicatorSource.Derived, DerivedRule.PublicOrderAccepted, GoodDirection.Down),
        new("public-order-cases-dealt", "查处治安案件", "Public-order cases dealt with", Measure.Cases, "public-order", IndicatorSource.Derived, DerivedRule.PublicOrderDealt),
        new("offence-suspects", "查获违法犯罪嫌疑人", "Offence suspects caught", Measure.Persons, "criminal-investigation", IndicatorSource.Derived, DerivedRule.OffenceSuspects),
        new("controlled-instrument-cases", "查处携带管制器具案件", "Controlled-instrument cases dealt with", Measure.Cases, "public-order", IndicatorSource.Derived, DerivedRule.ControlledInstrumentCases),
        new("vulnerable-victim-cases", "侵害弱势群体刑事案件", "Crimes against vulnerable groups", Measure.Cases, "criminal-investigation", IndicatorSource.Derived, DerivedRule.VulnerableVictimCases, GoodDirection.Down),
    ];

    /// <summary>Adds the standard indicators that are missing; changes none that exist.</summary>
    public static async Task LoadAsync(CenturionDb db, CancellationToken ct = default)
    {
        var known = await db.Indicators.Select(i => i.Code).ToHashSetAsync(ct);
        var lines = await db.Lines.ToDictionaryAsync(l => l.Code, l => l.Id, ct);
        foreach (var d in Standard.Where(d => !known.Contains(d.Code)))
            db.Indicators.Add(new Indicator
            {
                Code = d.Code, NameZh = d.Zh, NameEn = d.En, Measure = d.Measure, Source = d.Source, Rule = d.Rule, Good = d.Good,
                AtMostCode = d.AtMost, OwnerLineId = d.Line is null ? null : lines[d.Line],
            });
        await db.SaveChangesAsync(ct);
    }
}
