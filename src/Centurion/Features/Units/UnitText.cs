using Centurion.Infrastructure;

namespace Centurion.Features.Units;

public static class UnitText
{
    public static Phrase LevelName(UnitLevel level) => level switch
    {
        UnitLevel.Province => new("省", "Province"),
        UnitLevel.Prefecture => new("市（州）", "Prefecture"),
        UnitLevel.County => new("县（市、区）", "County"),
        _ => new("派出所", "Police station"),
    };
}
