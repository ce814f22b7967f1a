namespace Centurion.Tests.Support;

/// <summary>
/// The application's clock in tests (<see cref="TestApp.Clock"/> replaces the registered <see cref="TimeProvider"/>): it stands
/// still until a test sets or advances it, so deadlines, lateness, overdue items and scheduled jobs can be crossed on purpose.
/// It starts at the real time, to the whole second, so a stored time compares equal on both databases (PostgreSQL keeps
/// microseconds). Timers made from it are real-time timers: a job test should call the job, not wait for it.
/// </summary>
public sealed class TestClock : TimeProvider
{
    public DateTimeOffset Now { get; set; } = DateTimeOffset.FromUnixTimeSeconds(TimeProvider.System.GetUtcNow().ToUnixTimeSeconds());

    public override DateTimeOffset GetUtcNow() => Now;

    /// <summary>Now as the UTC <see cref="DateTime"/> the database stores.</summary>
    public DateTime UtcNow => Now.UtcDateTime;

    /// <summary>Sets the clock to a province-local time (UTC+8).</summary>
    public void SetLocal(int year, int month, int day, int hour, int minute = 0, int second = 0) =>
        Now = new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.FromHours(8));

    /// <summary>Sets the clock to a UTC instant.</summary>
    public void SetUtc(DateTime utc) => Now = new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc));

    public void Advance(TimeSpan by) => Now += by;
}
