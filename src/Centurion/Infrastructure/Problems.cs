using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Localization;
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

/// <summary>
/// Turns an exception on an API request into a ProblemDetails response: a <see cref="DomainException"/> with its status and
/// message in the user's language, anything else a 500. A page request is left to the error page (<see cref="ErrorPages"/>),
/// except a failed form post, which gets a short page of its own. Anything but a domain error is logged here: an exception a
/// handler takes is not logged by the middleware.
/// </summary>
public sealed class DomainExceptionHandler(IProblemDetailsService problems, ILogger<DomainExceptionHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        var path = http.Features.Get<IExceptionHandlerPathFeature>()?.Path;
        if (exception is not DomainException) log.LogError(exception, "{Method} {Path} failed", http.Request.Method, path);
        // The exception handler has already pointed the request at the error page; what counts is where it was going.
        if (!ErrorPages.IsApi(http.Request, path))
        {
            if (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)) return false;
            // The error page re-executes the request as it came; a form post would be read again there (and fail again on a
            // bad antiforgery token), so a failed post gets this page instead.
            await ErrorPages.WriteFailedPostAsync(http, exception, path);
            return true;
        }
        var details = exception switch
        {
            DomainException { Errors: { } errors } e => new ValidationProblemDetails(errors) { Status = e.Status, Title = e.Text },
            DomainException e => new ProblemDetails { Status = e.Status, Title = e.Text },
            _ => new ProblemDetails { Status = StatusCodes.Status500InternalServerError, Title = ErrorPages.Failed },
        };
        http.Response.StatusCode = details.Status!.Value;
        return await problems.TryWriteAsync(new() { HttpContext = http, ProblemDetails = details, Exception = exception });
    }
}

/// <summary>
/// Errors in the browser are a page in the user's language with the way back (Components/ErrorPage.razor), with the right
/// status code; the API (paths under /api, or a caller that asks for JSON and not HTML) keeps ProblemDetails.
/// </summary>
public static class ErrorPages
{
    public const string Path = "/error";
    public static readonly Phrase Failed = new("服务器出错，未保存任何内容。", "The server failed; nothing was saved.");

    public static bool IsApi(HttpRequest request, string? originalPath = null)
    {
        if ((originalPath is null ? request.Path : new PathString(originalPath)).StartsWithSegments("/api")) return true;
        var accept = request.GetTypedHeaders().Accept;
        return accept.Any(a => a.MediaType.Value is { } t && (t.EndsWith("/json", StringComparison.OrdinalIgnoreCase) || t.EndsWith("+json", StringComparison.OrdinalIgnoreCase)))
            && !accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// A failed form post's answer, in the user's language (the request's culture feature: the culture itself does not flow back
    /// to the handler), with the way back to the form by GET, which reads it afresh.
    /// </summary>
    public static async Task WriteFailedPostAsync(HttpContext http, Exception exception, string? path)
    {
        if (http.Features.Get<IRequestCultureFeature>()?.RequestCulture.UICulture is { } culture) CultureInfo.CurrentUICulture = culture;
        var status = exception is DomainException d ? d.Status : StatusCodes.Status500InternalServerError;
        string message = exception is DomainException e ? e.Text : Failed;
        var back = string.IsNullOrEmpty(path) ? "/" : path;
        http.Response.Clear();
        http.Response.StatusCode = status;
        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.WriteAsync($"""
            <!DOCTYPE html>
            <html lang="{(Lang.IsEnglish ? Lang.English : Lang.Chinese)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{WebUtility.HtmlEncode(message)}</title><link rel="stylesheet" href="/app.css"></head>
            <body><main><section class="error-page" id="error-page" data-status="{status}"><p class="notice" id="error-message">{WebUtility.HtmlEncode(message)}</p>
            <p><a class="button" id="back-to-form" href="{WebUtility.HtmlEncode(back)}">{WebUtility.HtmlEncode(BackToForm)}</a></p></section></main></body></html>
            """);
    }

    private static readonly Phrase BackToForm = new("返回重试", "Back to try again");

    /// <summary>First in the pipeline, so that the error page passes through localization and authentication like any page.</summary>
    public static void UseErrorPages(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = Path,
            // The failed request's services (its DbContext above all) may be broken; the error page gets fresh ones.
            CreateScopeForErrors = true,
            StatusCodeSelector = e => e switch
            {
                DomainException d => d.Status,
                BadHttpRequestException b => b.StatusCode, // a malformed request, e.g. a form without its antiforgery token
                _ => StatusCodes.Status500InternalServerError,
            },
            AllowStatusCode404Response = true,
        });
        // On the application itself, not in a branch: a branch has no endpoint routing of its own, so re-executing in one finds
        // no page. A fresh scope, since a page's services (its navigation state above all) serve one render only; Blazor leaves
        // a page's 404 body to this re-execution.
        app.UseStatusCodePagesWithReExecute(Path, createScopeForStatusCodePages: true);
        app.Use(async (http, next) =>
        {
            if (!IsApi(http.Request))
            {
                // Re-executing a form post would read the form again on the error page (and fail again on a bad antiforgery token).
                if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method)
                    && http.Features.Get<IStatusCodePagesFeature>() is { } posted) posted.Enabled = false;
                await next(http);
                return;
            }
            // The API answers a bare status code with ProblemDetails, not with the error page.
            if (http.Features.Get<IStatusCodePagesFeature>() is { } pages) pages.Enabled = false;
            await next(http);
            if (!http.Response.HasStarted && http.Response.StatusCode >= 400 && http.Response.ContentLength is null && string.IsNullOrEmpty(http.Response.ContentType))
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().TryWriteAsync(new() { HttpContext = http, ProblemDetails = { Status = http.Response.StatusCode } });
        });
    }
}
