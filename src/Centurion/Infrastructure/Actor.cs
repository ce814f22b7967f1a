using System.Security.Claims;

namespace Centurion.Infrastructure;

/// <summary>Who is acting in this scope: the signed-in user or API key owner, or a named command-line actor.</summary>
public sealed class Actor(IHttpContextAccessor? http = null)
{
    private string? _name;
    private string? _userId;

    public string Name => _name ?? http?.HttpContext?.User.Identity?.Name ?? "anonymous";
    public string? UserId => _userId ?? http?.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier);

    public void ActAs(string name, string? userId = null) => (_name, _userId) = (name, userId);
}
