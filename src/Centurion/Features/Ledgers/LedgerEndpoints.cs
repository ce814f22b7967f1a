namespace Centurion.Features.Ledgers;

/// <summary>The error responses every ledger endpoint declares in the OpenAPI document.</summary>
public static class LedgerEndpoints
{
    public static RouteHandlerBuilder Errors(this RouteHandlerBuilder b, params int[] statuses)
    {
        foreach (var s in statuses.Length == 0 ? [400, 401, 403, 404, 409, 422] : statuses)
            b.ProducesProblem(s);
        return b;
    }

    public static RouteHandlerBuilder Named(this RouteHandlerBuilder b, string name, string summary) =>
        b.WithName(name).WithSummary(summary).Errors();
}
