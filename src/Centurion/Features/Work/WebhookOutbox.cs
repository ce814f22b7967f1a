using System.Text.Json;
using Centurion.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Centurion.Features.Work;

public enum WebhookState { Pending, Sent, Failed }

/// <summary>
/// A message waiting to be posted to a workplace messenger's robot webhook (WeCom or DingTalk), or posted: the outbox. The
/// reminder is written first and the message beside it; posting happens afterwards, so a failing webhook never holds up a
/// reminder. Each try is an <see cref="WebhookAttempt"/>; a failed one waits longer each time (<see cref="Backoff"/>), and
/// after <see cref="MaxAttempts"/> the message is given up as failed, with its last error kept.
/// </summary>
[NotAudited] // its own attempts are the record of what was sent and when
public sealed class WebhookMessage
{
    public const int MaxAttempts = 8;

    public long Id { get; private set; }
    public long? ReminderId { get; private set; }
    public string Url { get; private set; } = "";
    /// <summary>The JSON posted, exactly: <c>{"msgtype":"text","text":{"content":"…"}}</c>.</summary>
    public string Body { get; private set; } = "";
    public WebhookState State { get; private set; }
    public int Attempts { get; private set; }
    public DateTime CreatedUtc { get; private set; }
    public DateTime NextAttemptUtc { get; private set; }
    public DateTime? LastAttemptUtc { get; private set; }
    public string? LastError { get; private set; }
    public DateTime? SentUtc { get; private set; }

    private readonly List<WebhookAttempt> _tries = [];
    public IReadOnlyList<WebhookAttempt> Tries => _tries;

    private WebhookMessage() { }

    public static WebhookMessage Text(string url, string content, DateTime at, Reminder? reminder = null) => new()
    {
        Url = url, Body = TextBody(content), State = WebhookState.Pending, CreatedUtc = at, NextAttemptUtc = at, ReminderId = reminder?.Id,
        Reminder = reminder,
    };

    public Reminder? Reminder { get; private set; }

    /// <summary>The robot webhook's text message, the shape WeCom and DingTalk both take.</summary>
    public static string TextBody(string content) =>
        JsonSerializer.Serialize(new { msgtype = "text", text = new { content } }, Json);

    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public void Succeeded(DateTime at, int status)
    {
        Record(at, status, null);
        (State, SentUtc, LastError) = (WebhookState.Sent, at, null);
    }

    public void Failed(DateTime at, int? status, string error)
    {
        var text = error.Length > 1000 ? error[..1000] : error;
        Record(at, status, text);
        LastError = text;
        if (Attempts >= MaxAttempts) State = WebhookState.Failed;
        else NextAttemptUtc = at + Backoff(Attempts);
    }

    /// <summary>The wait after the n-th failed try: 1, 2, 4 … minutes, at most an hour. Pure.</summary>
    public static TimeSpan Backoff(int failedTries) => TimeSpan.FromMinutes(Math.Min(60, Math.Pow(2, Math.Max(0, failedTries - 1))));

    private void Record(DateTime at, int? status, string? error)
    {
        if (State != WebhookState.Pending) throw new InvalidOperationException($"Message {Id} is {State}; it is not sent again.");
        Attempts++;
        LastAttemptUtc = at;
        _tries.Add(new WebhookAttempt(Attempts, at, status, error));
    }
}

/// <summary>One try at posting a <see cref="WebhookMessage"/>: when, the HTTP status if one came back, and the error if it failed.</summary>
[NotAudited]
public sealed class WebhookAttempt
{
    public long Id { get; private set; }
    public long MessageId { get; private set; }
    public int Number { get; private set; }
    public DateTime AtUtc { get; private set; }
    public int? StatusCode { get; private set; }
    public string? Error { get; private set; }
    public bool Succeeded => Error is null;

    private WebhookAttempt() { }

    internal WebhookAttempt(int number, DateTime at, int? status, string? error) => (Number, AtUtc, StatusCode, Error) = (number, at, status, error);
}

public sealed class WebhookMessageConfiguration : IEntityTypeConfiguration<WebhookMessage>
{
    public void Configure(EntityTypeBuilder<WebhookMessage> e)
    {
        e.ToTable("WebhookMessages");
        e.HasIndex(m => new { m.State, m.NextAttemptUtc });
        e.Property(m => m.Url).HasMaxLength(1000);
        e.Property(m => m.State).HasConversion<string>().HasMaxLength(16);
        e.Property(m => m.LastError).HasMaxLength(1000);
        e.HasOne(m => m.Reminder).WithMany().HasForeignKey(m => m.ReminderId).OnDelete(DeleteBehavior.SetNull);
        e.HasMany(m => m.Tries).WithOne().HasForeignKey(a => a.MessageId).OnDelete(DeleteBehavior.Cascade);
        e.Navigation(m => m.Tries).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

public sealed class WebhookAttemptConfiguration : IEntityTypeConfiguration<WebhookAttempt>
{
    public void Configure(EntityTypeBuilder<WebhookAttempt> e)
    {
        e.ToTable("WebhookAttempts");
        e.HasIndex(a => new { a.MessageId, a.Number }).IsUnique();
        e.Property(a => a.Error).HasMaxLength(1000);
    }
}
