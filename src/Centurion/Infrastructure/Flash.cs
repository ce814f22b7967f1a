namespace Centurion.Infrastructure;

/// <summary>
/// A word for the next page only, after a form post redirects (post-redirect-get): kept in a cookie that the next page takes and
/// clears, so the message neither sits in the address nor comes back on a reload. It carries a key the page turns into text.
/// </summary>
public static class Flash
{
    private const string Cookie = "centurion-flash";

    public static void Set(HttpContext http, string key) =>
        http.Response.Cookies.Append(Cookie, key, new CookieOptions { HttpOnly = true, IsEssential = true, SameSite = SameSiteMode.Lax, Path = "/" });

    public static string? Take(HttpContext http)
    {
        if (!http.Request.Cookies.TryGetValue(Cookie, out var key)) return null;
        http.Response.Cookies.Delete(Cookie, new CookieOptions { Path = "/" });
        return key;
    }
}
