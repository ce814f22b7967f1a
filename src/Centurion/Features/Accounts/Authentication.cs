using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Centurion.Data;
using Centurion.Features.Units;
using Centurion.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Centurion.Features.Accounts;

public static class Authentication
{
    public const string ApiKeyScheme = "ApiKey";
    public const string ApiKeyHeader = "X-Api-Key";
    public const string CookieName = "centurion";
    private const string Smart = "CookieOrApiKey";

    public static IServiceCollection AddCenturionAccounts(this IServiceCollection services)
    {
        services.AddIdentityCore<User>(o =>
            {
                o.User.RequireUniqueEmail = false;
                o.Password.RequiredLength = 10;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<CenturionDb>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<ScopeClaimsFactory>();

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = Smart;
                o.DefaultChallengeScheme = Smart;
                o.DefaultSignInScheme = IdentityConstants.ApplicationScheme;
            })
            .AddPolicyScheme(Smart, Smart, o => o.ForwardDefaultSelector = http =>
                http.Request.Headers.ContainsKey(ApiKeyHeader) ? ApiKeyScheme : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyHandler>(ApiKeyScheme, null)
            .AddIdentityCookies();

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/login";
            o.AccessDeniedPath = "/denied";
            o.Cookie.Name = CookieName;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(10);
            // The API answers 401/403; only pages redirect to the login form.
            o.Events.OnRedirectToLogin = ctx => ApiOr(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => ApiOr(ctx, StatusCodes.Status403Forbidden);
        });
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.AddAuthorization();
        return services;
    }

    private static Task ApiOr(RedirectContext<CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api")) ctx.Response.StatusCode = status;
        else ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }

    public static string HashKey(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>Creates a key for a user and returns it; only its hash is kept, so this is the one time it is seen.</summary>
    public static async Task<string> CreateApiKeyAsync(CenturionDb db, User user, string name, CancellationToken ct = default)
    {
        var key = "cen_" + Base64Url(RandomNumberGenerator.GetBytes(30));
        db.ApiKeys.Add(new ApiKey
        {
            UserId = user.Id,
            Name = name,
            Prefix = key[..10],
            Hash = HashKey(key),
            CreatedUtc = db.Clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(ct);
        return key;
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>Puts the user's unit and line into their claims, where <see cref="CallerScope"/> reads them.</summary>
public sealed class ScopeClaimsFactory(UserManager<User> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<User, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(User user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(CallerScope.UnitClaim, user.UnitId.ToString()));
        if (user.LineId is { } line) identity.AddClaim(new Claim(CallerScope.LineClaim, line.ToString()));
        if (!string.IsNullOrEmpty(user.DisplayName)) identity.AddClaim(new Claim("name", user.DisplayName));
        return identity;
    }
}

public sealed class ApiKeyHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    CenturionDb db, IUserClaimsPrincipalFactory<User> principals)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Authentication.ApiKeyHeader, out var values)) return AuthenticateResult.NoResult();
        var hash = Authentication.HashKey(values.ToString());
        var user = await db.ApiKeys.Where(k => k.Hash == hash && k.RevokedUtc == null).Select(k => k.User).FirstOrDefaultAsync();
        if (user is null) return AuthenticateResult.Fail("Unknown or revoked API key.");
        if (user.LockoutEnd > TimeProvider.GetUtcNow()) return AuthenticateResult.Fail("The key's user is locked out.");
        var principal = await principals.CreateAsync(user);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }
}
