using System.CommandLine;
using Centurion.Data;
using Centurion.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Centurion.Features.Accounts;

public static class AccountsCli
{
    /// <summary>`user add --name N --password P --unit CODE --role ROLE [--line LINE] [--display-name NAME]`.</summary>
    public static Command UserCommand(TextWriter output)
    {
        var user = new Command("user", "Manage users.");
        var add = new Command("add", "Add a user with a unit scope, roles and optionally a line.");
        var name = new Option<string>("--name") { Description = "User name to sign in with.", Required = true };
        var password = new Option<string>("--password") { Description = "At least 10 characters.", Required = true };
        var unit = new Option<string>("--unit") { Description = "Code of the unit whose subtree the user may see, e.g. 510100.", Required = true };
        var role = new Option<string[]>("--role") { Description = $"One or more of: {string.Join(", ", Roles.All)}.", Required = true, AllowMultipleArgumentsPerToken = true };
        var line = new Option<string?>("--line") { Description = "Limit the user to one police line, e.g. criminal-investigation." };
        var display = new Option<string?>("--display-name") { Description = "Name shown in the interface." };
        foreach (var o in new Option[] { name, password, unit, role, line, display }) add.Options.Add(o);
        add.SetAction(async (parse, ct) =>
        {
            await Cli.WithServicesAsync(async sp =>
            {
                var db = sp.GetRequiredService<CenturionDb>();
                var created = await Accounts.AddUserAsync(db, sp.GetRequiredService<UserManager<User>>(), parse.GetValue(name)!, parse.GetValue(password)!,
                    parse.GetValue(unit)!, parse.GetValue(role)!, parse.GetValue(line), parse.GetValue(display), ct);
                await output.WriteLineAsync($"User {created.UserName} added.");
            });
            return 0;
        });
        user.Subcommands.Add(add);
        return user;
    }

    /// <summary>`apikey create --user NAME [--name LABEL]`: prints the key once; only its hash is stored.</summary>
    public static Command ApiKeyCommand(TextWriter output)
    {
        var apikey = new Command("apikey", "Manage API keys for other systems.");
        var create = new Command("create", "Create an API key for a user and print it. It is shown this once; only its hash is stored.");
        var userName = new Option<string>("--user") { Description = "The user the key acts as (their scope and roles apply).", Required = true };
        var label = new Option<string?>("--name") { Description = "A label, e.g. the calling system's name." };
        create.Options.Add(userName);
        create.Options.Add(label);
        create.SetAction(async (parse, ct) =>
        {
            await Cli.WithServicesAsync(async sp =>
            {
                var db = sp.GetRequiredService<CenturionDb>();
                var who = parse.GetValue(userName)!;
                var user = await db.Users.FirstOrDefaultAsync(u => u.UserName == who, ct)
                    ?? throw DomainException.NotFound(new($"没有用户 {who}。", $"There is no user {who}."));
                await output.WriteLineAsync(await Authentication.CreateApiKeyAsync(db, user, parse.GetValue(label) ?? "cli", ct));
            });
            return 0;
        });
        apikey.Subcommands.Add(create);
        return apikey;
    }
}
