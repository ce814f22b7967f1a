using System.Reflection;
using System.Text.RegularExpressions;
using Centurion.Data;
using NetArchTest.Rules;

namespace Centurion.Tests.Architecture;

/// <summary>
/// Dependencies point one way: features use Data and Infrastructure, never the reverse, and a feature uses another feature
/// only where the table below says so. The composition root (Program, CenturionApp, Cli) and the shell (Components) may use
/// any feature. The one exception below: the database context names every feature's entity types, since it lists their sets.
/// </summary>
public partial class DependencyTests
{
    private static readonly Assembly App = typeof(CenturionDb).Assembly;

    /// <summary>
    /// Each feature, and the features it may use. Role names are constants (compiled into the caller), so naming a role
    /// does not make a dependency on Accounts; every feature may name them.
    /// </summary>
    public static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["Units"] = [],                                                       // the hierarchy and CallerScope: the bottom
        ["Accounts"] = ["Units"],                                             // a user belongs to a unit; sign-in gives the scope its claims
        ["Campaigns"] = ["Units", "Accounts"],                                // a key task's responsible person may be a user
        ["Statistics"] = ["Units", "Campaigns"],                              // reads the facts; names no feature that writes them
        ["Reporting"] = ["Units", "Campaigns", "Statistics"],                 // writes report facts through FactSql
        ["Records"] = ["Units", "Campaigns", "Statistics"],                   // writes record facts through FactSql
        ["Dashboard"] = ["Units", "Campaigns", "Statistics", "Reporting"],    // figures from Stats, timeliness from Completeness
        ["Bulletin"] = ["Units", "Campaigns", "Statistics"],
        ["Audit"] = ["Units", "Campaigns", "Reporting"],                    // links a row to its campaign's or report's page
        ["Ledgers"] = ["Units", "Campaigns", "Statistics", "Dashboard"], // reconciles with SubtreeTotals; draws on PrefectureMap
        ["Supervision"] = ["Units", "Accounts", "Campaigns", "Ledgers"],   // team members are users; plans target key places; draws with the spot check's DutyDraw
        ["Evaluation"] = ["Units", "Campaigns", "Statistics", "Reporting", "Ledgers", "Supervision"], // scores from the facts each keeps; significance from Change.Z
        ["Notices"] = [],                                                     // the document: a pure writer from NoticeContent to .docx, PDF and the page
        ["Work"] = ["Units", "Accounts"],                                     // enumerates the IWorkSource each feature registers; reminds every user
        ["Escalation"] = ["Units", "Campaigns", "Evaluation", "Supervision"], // runs on a published month (IMonthPublished); reads its lists, the register's major incidents and the overdue items (OpenItems)
        ["Demo"] = ["Units", "Accounts", "Campaigns", "Statistics", "Reporting", "Records", "Ledgers", "Supervision", "Evaluation"], // writes the demo through each feature
    };

    private static string Ns(string feature) => $"Centurion.Features.{feature}";

    public static IEnumerable<object[]> Features => Allowed.Keys.Select(f => new object[] { f });

    [Fact]
    public void Every_feature_folder_is_in_the_table()
    {
        var found = App.GetTypes().Select(t => t.Namespace ?? "").Where(n => n.StartsWith("Centurion.Features."))
            .Select(n => n.Split('.')[2]).Distinct().Order();
        Assert.Equal(Allowed.Keys.Order(), found);
    }

    [Theory, MemberData(nameof(Features))]
    public void A_feature_uses_only_the_features_it_is_allowed(string feature)
    {
        var forbidden = Allowed.Keys.Except(Allowed[feature]).Where(f => f != feature).Select(Ns).ToArray();
        var result = Types.InAssembly(App).That().ResideInNamespace(Ns(feature)).ShouldNot().HaveDependencyOnAny(forbidden).GetResult();
        Assert.True(result.IsSuccessful, $"{feature} may use only {string.Join(", ", Allowed[feature])}; these use more: "
            + string.Join(", ", result.FailingTypeNames ?? []));
    }

    /// <summary>The table says what is, not what might be: a dependency no longer used is struck out.</summary>
    [Theory, MemberData(nameof(Features))]
    public void Every_allowed_dependency_is_used(string feature)
    {
        var unused = Allowed[feature].Where(other =>
            !Types.InAssembly(App).That().ResideInNamespace(Ns(feature)).And().HaveDependencyOn(Ns(other)).GetTypes().Any());
        Assert.Empty(unused);
    }

    [Fact]
    public void Infrastructure_uses_no_feature()
    {
        var result = Types.InAssembly(App).That().ResideInNamespace("Centurion.Infrastructure")
            .ShouldNot().HaveDependencyOn("Centurion.Features").GetResult();
        Assert.True(result.IsSuccessful, "Infrastructure must not use a feature: " + string.Join(", ", result.FailingTypeNames ?? []));
    }

    /// <summary>The context (and its provider subclasses) lists every feature's entity sets and mappings; nothing else in Data names a feature.</summary>
    [Fact]
    public void Data_names_features_only_in_the_context()
    {
        var result = Types.InAssembly(App).That().ResideInNamespace("Centurion.Data")
            .ShouldNot().HaveDependencyOn("Centurion.Features").GetResult();
        var others = (result.FailingTypeNames ?? []).Where(t => !Context().IsMatch(t)).ToList();
        Assert.True(others.Count == 0, "Only the context may name feature types in Data: " + string.Join(", ", others));
    }

    [GeneratedRegex(@"^Centurion\.Data\.(Sqlite|Postgres)?CenturionDb($|/)")]
    private static partial Regex Context();
}
