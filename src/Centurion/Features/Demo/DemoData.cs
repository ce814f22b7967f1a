using Centurion.Data;
using Centurion.Features.Accounts;
using Centurion.Features.Units;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Centurion.Features.Demo;

/// <summary>Deterministic demo data: police stations below every county, one demo user per role, and the 2022 summer
/// campaign with its reports and case records (<see cref="DemoCampaign"/>).</summary>
public static class DemoData
{
    public const string Password = "centurion-demo";

    public static readonly (string Name, string DisplayName, string UnitCode, string Role, string? Line, string Note)[] Users =
    [
        ("province", "省厅行动专班", "510000", Roles.CampaignOffice, null, "campaign office, whole province"),
        ("chengdu", "成都市局领导", "510100", Roles.UnitLeader, null, "unit leader, Chengdu 510100"),
        ("jinjiang", "锦江分局填报员", "510104", Roles.Reporter, null, "reporter, Jinjiang district 510104"),
        ("mianyang", "绵阳市局领导", "510700", Roles.UnitLeader, null, "unit leader, Mianyang 510700"),
        ("xingzhen", "省厅刑侦条线", "510000", Roles.LineCoordinator, "criminal-investigation", "line coordinator, criminal investigation, whole province"),
        ("inspector", "省厅督导组", "510000", Roles.Supervisor, null, "supervision team, whole province"),
    ];

    private static readonly (string Zh, string En)[] StationNames =
    [
        ("城关", "Chengguan"), ("东城", "Dongcheng"), ("西城", "Xicheng"), ("南门", "Nanmen"), ("北门", "Beimen"),
        ("新华", "Xinhua"), ("滨江", "Binjiang"), ("河西", "Hexi"), ("桥头", "Qiaotou"), ("新村", "Xincun"),
    ];

    /// <summary>How many stations a county gets: urban districts more, rural counties fewer. A pure function of the code.</summary>
    public static int StationCount(Unit county) =>
        (county.NameZh.EndsWith('区') ? 4 : county.NameZh.EndsWith('市') ? 3 : 2) + int.Parse(county.Code[^1..]) % 2;

    /// <param name="records">How many case records to generate; null for the demo's own size, at which the source's figures hold exactly.</param>
    /// <returns>What the campaign wrote, or null when it was there already.</returns>
    public static async Task<DemoCampaignResult?> SeedAsync(CenturionDb db, UserManager<User> users, long? records = null, CancellationToken ct = default)
    {
        if (!await db.Units.AnyAsync(u => u.Level == UnitLevel.Station, ct))
        {
            var counties = await db.Units.Where(u => u.Level == UnitLevel.County).OrderBy(u => u.Code).ToListAsync(ct);
            await Hierarchy.AddManyAsync(db,
                from county in counties
                from i in Enumerable.Range(0, StationCount(county))
                select new Unit
                {
                    Code = $"{county.Code}{i + 1:000}", Parent = county, Level = UnitLevel.Station,
                    NameZh = $"{StationNames[i].Zh}派出所", NameEn = $"{StationNames[i].En} Police Station",
                }, ct);
        }
        foreach (var u in Users)
            if (await users.FindByNameAsync(u.Name) is null)
                await Accounts.Accounts.AddUserAsync(db, users, u.Name, Password, u.UnitCode, [u.Role], u.Line, u.DisplayName, ct);
        var result = await DemoCampaign.SeedAsync(db, records, ct);
        await DemoSupervision.SeedAsync(db, ct);
        await DemoKeyTasks.SeedAsync(db, ct);
        await DemoIncidents.SeedAsync(db, ct);
        await DemoEvaluation.SeedAsync(db, ct);
        await DemoPublication.SeedAsync(db, ct);
        return result;
    }
}
