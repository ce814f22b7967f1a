using System.Reflection;
using Centurion.Data;
using Centurion.Features.Units;

namespace Centurion.Features.Campaigns;

/// <summary>
/// The campaign an API address names (<c>/api/campaigns/{campaign}/…</c>), resolved once, before the handler runs, among the
/// campaigns the caller takes part in: a handler takes a parameter of this type named like the route value (<c>campaign</c> or
/// <c>code</c>). A code the caller cannot see is "not found" (404), exactly as one that does not exist.
/// </summary>
public sealed class CampaignInRoute(Campaign campaign)
{
    public Campaign Campaign { get; } = campaign;

    public string Code => Campaign.Code;

    public static async ValueTask<CampaignInRoute?> BindAsync(HttpContext http, ParameterInfo parameter)
    {
        var code = http.Request.RouteValues["campaign"] as string ?? "";
        var db = http.RequestServices.GetRequiredService<CenturionDb>();
        var scope = http.RequestServices.GetRequiredService<CallerScope>();
        return new(await CampaignOperations.FindAsync(db, scope, code, http.RequestAborted));
    }
}
