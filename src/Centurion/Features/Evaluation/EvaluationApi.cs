namespace Centurion.Features.Evaluation;

/// <summary>Evaluation's services and its JSON API under /api/campaigns/{campaign}/evaluation. Each part maps its own endpoints.</summary>
public static class EvaluationApi
{
    public static IServiceCollection AddEvaluation(this IServiceCollection services) =>
        services.AddScoped<EvaluationAccess>();

    public static void MapEvaluation(this IEndpointRouteBuilder app)
    {
    }
}
