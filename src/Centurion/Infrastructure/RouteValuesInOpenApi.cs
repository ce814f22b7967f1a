using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Centurion.Infrastructure;

/// <summary>
/// Declares every value of an operation's path in the OpenAPI document, as a required string, when no handler parameter
/// declares it: a value a binder reads itself (the campaign in <c>/api/campaigns/{campaign}/…</c>) is otherwise left out,
/// and a generated client would not know the address has it.
/// </summary>
public sealed class RouteValuesInOpenApi : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var path = context.Description.RelativePath ?? "";
        foreach (var segment in path.Split('/').Where(s => s.StartsWith('{') && s.EndsWith('}')))
        {
            var name = segment[1..^1].Split(':')[0];
            if (operation.Parameters?.Any(p => p.In == ParameterLocation.Path && p.Name == name) == true) continue;
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = name, In = ParameterLocation.Path, Required = true, Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            });
        }
        return Task.CompletedTask;
    }
}
