using Centurion.Data;
using Centurion.Features.Units;
using Centurion.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Centurion.Features.Accounts;

public static class Accounts
{
    /// <summary>Creates a user with a unit scope, an optional line and roles. Throws with every problem found; creates nothing then.</summary>
    public static async Task<User> AddUserAsync(CenturionDb db, UserManager<User> users, string userName, string password,
        string unitCode, string[] roles, string? lineCode = null, string? displayName = null, CancellationToken ct = default)
    {
        var errors = new List<string>();
        var unit = await db.Units.FirstOrDefaultAsync(u => u.Code == unitCode, ct);
        if (unit is null) errors.Add(new Phrase($"没有代码为 {unitCode} 的单位。", $"There is no unit with code {unitCode}."));
        Line? line = null;
        if (lineCode is not null && (line = await db.Lines.FirstOrDefaultAsync(l => l.Code == lineCode, ct)) is null)
            errors.Add(new Phrase($"没有代码为 {lineCode} 的警种。", $"There is no line with code {lineCode}."));
        foreach (var r in roles.Where(r => !Roles.All.Contains(r)))
            errors.Add(new Phrase($"没有角色 {r}；可用角色：{string.Join("、", Roles.All)}。", $"There is no role {r}; roles are: {string.Join(", ", Roles.All)}."));
        if (roles.Length == 0) errors.Add(new Phrase("至少需要一个角色。", "At least one role is needed."));
        if (await users.FindByNameAsync(userName) is not null)
            errors.Add(new Phrase($"用户名 {userName} 已存在。", $"The user name {userName} is taken."));
        if (errors.Count > 0) throw DomainException.Invalid(new(string.Join(" ", errors), string.Join(" ", errors)));

        return await db.InTransactionAsync(async ct =>
        {
            var user = new User { UserName = userName, DisplayName = displayName ?? userName, UnitId = unit!.Id, LineId = line?.Id };
            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded) throw DomainException.Invalid(new(Describe(created), Describe(created)));
            foreach (var role in roles)
            {
                if (!await db.Roles.AnyAsync(r => r.Name == role, ct))
                    db.Roles.Add(new IdentityRole(role) { NormalizedName = role.ToUpperInvariant() });
                await db.SaveChangesAsync(ct);
                var added = await users.AddToRoleAsync(user, role);
                if (!added.Succeeded) throw DomainException.Invalid(new(Describe(added), Describe(added)));
            }
            return user;
        }, ct);
    }

    private static string Describe(IdentityResult r) => string.Join(" ", r.Errors.Select(e => e.Description));

    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        // Sign-out and the language switch are the pages' form posts, not part of the API, so the API document leaves them out.
        app.MapPost("/logout", async (SignInManager<User> signIn) =>
        {
            await signIn.SignOutAsync();
            return Results.LocalRedirect("/login");
        }).RequireAuthorization().ExcludeFromDescription();

        // The language switch: a cookie for this browser, and the user's own setting when signed in.
        app.MapPost("/culture", async ([FromForm] string culture, [FromForm] string? returnUrl, HttpContext http,
            UserManager<User> users) =>
        {
            if (!Lang.Supported.Contains(culture)) culture = Lang.Chinese;
            SetCultureCookie(http, culture);
            if (http.User.Identity?.IsAuthenticated == true && await users.GetUserAsync(http.User) is { } user)
            {
                user.Culture = culture;
                await users.UpdateAsync(user);
            }
            return Results.LocalRedirect(string.IsNullOrEmpty(returnUrl) || !returnUrl.StartsWith('/') ? "/" : returnUrl);
        }).ExcludeFromDescription();
    }

    public static void SetCultureCookie(HttpContext http, string culture) =>
        http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
}
