using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Centurion.Features.Accounts;

/// <summary>
/// Declares in the OpenAPI document how every API call authenticates: the key in X-Api-Key, or the sign-in cookie.
/// One requirement for the whole document, since no API operation is anonymous.
/// </summary>
public sealed class ApiSecuritySchemes : IOpenApiDocumentTransformer
{
    public const string ApiKey = "apiKey";
    public const string Cookie = "cookie";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[ApiKey] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = Authentication.ApiKeyHeader,
            Description = "A key from `apikey create`; it acts as its user, within the user's scope and roles.",
        };
        document.Components.SecuritySchemes[Cookie] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Cookie, Name = Authentication.CookieName,
            Description = "The cookie set by signing in at /login.",
        };
        document.Security =
        [
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKey, document)] = [] },
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Cookie, document)] = [] },
        ];
        // The server's address as requested, without the trailing slash that makes every path start with two.
        foreach (var server in document.Servers ?? []) server.Url = server.Url?.TrimEnd('/');
        return Task.CompletedTask;
    }
}
