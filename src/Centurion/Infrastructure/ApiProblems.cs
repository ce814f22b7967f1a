namespace Centurion.Infrastructure;

/// <summary>The error answers an API operation declares in the OpenAPI document, besides its own success.</summary>
public static class ApiProblems
{
    /// <summary>
    /// What any call may get: a malformed request (400), no key or cookie (401, no body), a role that does not allow it (403),
    /// something that does not exist or lies outside the caller's scope (404). Declared once per route group.
    /// </summary>
    public static RouteGroupBuilder ProducesCommonProblems(this RouteGroupBuilder group) => group
        .ProducesProblem(StatusCodes.Status400BadRequest).WithMetadata(new ProducesResponseTypeMetadata(StatusCodes.Status401Unauthorized))
        .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);

    public static RouteHandlerBuilder ProducesCommonProblems(this RouteHandlerBuilder endpoint) => endpoint
        .ProducesProblem(StatusCodes.Status400BadRequest).Produces(StatusCodes.Status401Unauthorized)
        .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);

    /// <summary>A change that may be refused: by field (422, with errors by field), or for the state things are in (409).</summary>
    public static RouteHandlerBuilder ProducesChangeProblems(this RouteHandlerBuilder endpoint) => endpoint
        .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status409Conflict);
}
