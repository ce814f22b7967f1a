namespace Centurion.Features.Demo;

/// <summary>
/// The figures of the source bulletin (Sichuan, 25 June – 20 July 2022) that the demo data reproduces exactly, and the
/// windows they are counted over: the same 26 days a year before (year-on-year) and the 26 days just before
/// (period-on-period).
/// </summary>
public static class DemoFigures
{
    public const string CampaignCode = "summer-2022";
    public static readonly DateOnly CampaignStart = new(2022, 6, 25);
    public static readonly DateOnly CampaignEnd = new(2022, 9, 30);

    public static readonly DateOnly WindowStart = new(2022, 6, 25);
    public static readonly DateOnly WindowEnd = new(2022, 7, 20);
    public static readonly int WindowDays = WindowEnd.DayNumber - WindowStart.DayNumber + 1;
    public static readonly DateOnly YearBeforeStart = WindowStart.AddYears(-1);
    public static readonly DateOnly YearBeforeEnd = WindowEnd.AddYears(-1);
    public static readonly DateOnly PeriodBeforeStart = WindowStart.AddDays(-WindowDays);
    public static readonly DateOnly PeriodBeforeEnd = WindowStart.AddDays(-1);

    public const long PoliceDeployments = 168_000;
    public const long SocialForces = 460_000;
    public const long OffenceSuspects = 1_755;
    public const long DisputesResolved = 18_000;
    public const long NightOperations = 1_125;
    public const long ControlledInstrumentCases = 52;

    /// <summary>Criminal cases filed, year-on-year: −14 %.</summary>
    public const double CriminalFiledRatio = 0.86;
    /// <summary>Public-order cases, period-on-period: −36 %.</summary>
    public const double PublicOrderRatio = 0.64;
    /// <summary>Public-order cases dealt with, year-on-year: +10 %.</summary>
    public const double PublicOrderDealtRatio = 1.10;

    public static bool InWindow(DateOnly d) => d >= WindowStart && d <= WindowEnd;
    public static bool InYearBefore(DateOnly d) => d >= YearBeforeStart && d <= YearBeforeEnd;
    public static bool InPeriodBefore(DateOnly d) => d >= PeriodBeforeStart && d <= PeriodBeforeEnd;

    /// <summary>A change as a whole percent, as the bulletin prints it.</summary>
    public static int PercentChange(long current, long previous) =>
        (int)Math.Round((current - previous) * 100.0 / previous, MidpointRounding.AwayFromZero);
}
