using Centurion.Features.Accounts;
using Centurion.Infrastructure;
using Centurion.Infrastructure.Work;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Centurion.Features.Work;

/// <summary>
/// A note the reminder job wrote into a user's work list: a thing is due within three days, or has become overdue. One per
/// user, thing, kind and deadline (the unique index), so a run again the same day or any later day writes nothing new for
/// it, and a thing given a new deadline (a trouble spot reopened) is reminded of again. The work item itself is not copied:
/// the title and link are what the reminder said, as sent.
/// </summary>
[NotAudited] // a note derived from audited data; the outbox is the record of what was sent
public sealed class Reminder
{
    public const string DueSoon = "due-soon", Overdue = "overdue";

    public long Id { get; private set; }
    public string UserId { get; private set; } = "";
    /// <summary>The work item's key (<see cref="WorkItem.Key"/>).</summary>
    public string ItemKey { get; private set; } = "";
    /// <summary><see cref="DueSoon"/> or <see cref="Overdue"/>.</summary>
    public string Kind { get; private set; } = "";
    /// <summary>The work item's kind code (<see cref="WorkKind.Code"/>).</summary>
    public string ItemKind { get; private set; } = "";
    public string TitleZh { get; private set; } = "";
    public string TitleEn { get; private set; } = "";
    public string Link { get; private set; } = "";
    /// <summary>The thing's deadline, a province day.</summary>
    public DateOnly Due { get; private set; }
    /// <summary>The province day the job wrote it.</summary>
    public DateOnly Day { get; private set; }
    public DateTime CreatedUtc { get; private set; }

    private Reminder() { }

    public static Reminder For(string userId, WorkItem item, string kind, DateOnly day, DateTime at) => new()
    {
        UserId = userId, ItemKey = item.Key, Kind = kind, ItemKind = item.Kind.Code, TitleZh = item.Title.Zh, TitleEn = item.Title.En,
        Link = item.Link, Due = item.Due ?? throw new ArgumentException("Only a thing with a deadline is reminded of.", nameof(item)), Day = day, CreatedUtc = at,
    };

    public Phrase Title => new(TitleZh, TitleEn);

    public Phrase Says => Kind == Overdue
        ? new($"已逾期（期限 {Due:yyyy-MM-dd}）", $"overdue (deadline {Due:yyyy-MM-dd})")
        : new($"将于 {Due:yyyy-MM-dd} 到期", $"due on {Due:yyyy-MM-dd}");
}

public sealed class ReminderConfiguration : IEntityTypeConfiguration<Reminder>
{
    public void Configure(EntityTypeBuilder<Reminder> e)
    {
        e.ToTable("Reminders");
        e.HasIndex(r => new { r.UserId, r.ItemKey, r.Kind, r.Due }).IsUnique();
        e.HasIndex(r => new { r.UserId, r.Day });
        e.Property(r => r.UserId).HasMaxLength(450);
        e.Property(r => r.ItemKey).HasMaxLength(200);
        e.Property(r => r.Kind).HasMaxLength(16);
        e.Property(r => r.ItemKind).HasMaxLength(50);
        e.Property(r => r.TitleZh).HasMaxLength(1000);
        e.Property(r => r.TitleEn).HasMaxLength(1000);
        e.Property(r => r.Link).HasMaxLength(500);
        e.HasOne<User>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
