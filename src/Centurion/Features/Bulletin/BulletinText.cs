using Centurion.Infrastructure;

namespace Centurion.Features.Bulletin;

public static class BulletinText
{
    public static readonly Phrase Title = new("对外通稿", "Public bulletin");
}
