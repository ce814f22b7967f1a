using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Centurion.Infrastructure;

/// <summary>A user's request broke a rule. Becomes a ProblemDetails with the status given and the message in the user's language.</summary>
public class DomainException(int status, Phrase message, IDictionary<string, string[]>? errors = null) : Exception(message.En)
{
    public int Status { get; } = status;
    public Phrase Text { get; } = message;
    public IDictionary<string, string[]>? Errors { get; } = errors;

    public static DomainException BadRequest(Phrase what) => new(StatusCodes.Status400BadRequest, what);
    public static DomainException NotFound(Phrase what) => new(StatusCodes.Status404NotFound, what);
    public static DomainException Conflict(Phrase what) => new(StatusCodes.Status409Conflict, what);
    public static DomainException Invalid(Phrase what, IDictionary<string, string[]>? errors = null) =>
        new(StatusCodes.Status422UnprocessableEntity, what, errors);
}

/// <summary>Turns a <see cref="DomainException"/> thrown anywhere into a ProblemDetails response, never a 500.</summary>
public sealed class DomainExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        if (exception is not DomainException e) return false;
        http.Response.StatusCode = e.Status;
        var details = e.Errors is null
            ? new ProblemDetails { Status = e.Status, Title = e.Text }
            : new ValidationProblemDetails(e.Errors) { Status = e.Status, Title = e.Text };
        return await problems.TryWriteAsync(new() { HttpContext = http, ProblemDetails = details, Exception = e });
    }
}
