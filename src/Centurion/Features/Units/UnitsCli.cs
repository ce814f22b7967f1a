using System.CommandLine;
using System.Text.Json;
using Centurion.Data;
using Microsoft.EntityFrameworkCore;

namespace Centurion.Features.Units;

public static class UnitsCli
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>`units list [--json]`: every unit, read without a scope (the command line sees the whole hierarchy).</summary>
    public static Command Command(TextWriter output)
    {
        var units = new Command("units", "Read the unit hierarchy.");
        var list = new Command("list", "List every unit: code, parent code, level and names.");
        var json = new Option<bool>("--json") { Description = "Write JSON instead of a table." };
        list.Options.Add(json);
        list.SetAction(async (parse, ct) =>
        {
            List<UnitDto> rows = [];
            await Cli.WithServicesAsync(async sp => rows = await sp.GetRequiredService<CenturionDb>().Units.OrderBy(u => u.Code).ToDto().ToListAsync(ct));
            if (parse.GetValue(json)) await output.WriteLineAsync(JsonSerializer.Serialize(rows, Json));
            else
                foreach (var u in rows)
                    await output.WriteLineAsync($"{u.Code,-10} {u.ParentCode ?? "",-10} {u.Level,-11} {u.NameZh}\t{u.NameEn}");
            return 0;
        });
        units.Subcommands.Add(list);
        return units;
    }
}
