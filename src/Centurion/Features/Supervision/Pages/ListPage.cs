using Centurion.Data;
using Centurion.Features.Supervision.Lists;
using Centurion.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;

namespace Centurion.Features.Supervision.Pages;

/// <summary>
/// What the three list pages share: the query string read as text (a malformed filter is a message on the page with a 400,
/// a unit out of scope a 404), and the teams and lines for the filter form.
/// </summary>
public abstract class ListPage : ComponentBase
{
    [Inject] protected SupervisionLists Lists { get; set; } = default!;
    [Inject] protected SupervisionDesk Desk { get; set; } = default!;
    [Inject] protected CenturionDb Db { get; set; } = default!;
    [CascadingParameter] protected HttpContext HttpContext { get; set; } = default!;

    [SupplyParameterFromQuery] public string? Unit { get; set; }
    [SupplyParameterFromQuery] public string? Line { get; set; }
    [SupplyParameterFromQuery] public string? Team { get; set; }
    [SupplyParameterFromQuery] public string? State { get; set; }
    [SupplyParameterFromQuery] public string? Overdue { get; set; }
    [SupplyParameterFromQuery] public string? Month { get; set; }
    [SupplyParameterFromQuery(Name = "page")] public string? PageNumber { get; set; }

    protected const int PageSize = 100;
    protected List<TeamDto> Teams = [];
    protected List<(string Code, string Name)> LineChoices = [];
    protected ListQuery? Query;
    protected PrefectureCounts? Counts;
    protected string? Error;

    protected FilterValues Values => new(Unit, Line, Team, State, Overdue, Month);

    /// <summary>Reads the filter, then runs the page's queries; a refusal becomes the page's message and status.</summary>
    protected async Task LoadAsync(Func<ListQuery, Task> load)
    {
        Teams = await Desk.TeamsAsync();
        LineChoices = [.. (await Db.Lines.OrderBy(l => l.Id).Select(l => new { l.Code, l.NameZh, l.NameEn }).ToListAsync()).Select(l => (l.Code, Lang.Pick(l.NameZh, l.NameEn)))];
        try
        {
            Query = ListQuery.Parse(Unit, Line, Team, State, Overdue, Month, PageNumber, PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await load(Query);
        }
        catch (DomainException e)
        {
            (Query, Counts, Error) = (null, null, SupervisionNames.Refusal(e));
            HttpContext.Response.StatusCode = e.Status == StatusCodes.Status404NotFound ? 404 : 400;
        }
    }
}

/// <summary>The filters as typed, so that the form keeps them even when they were refused.</summary>
public sealed record FilterValues(string? Unit, string? Line, string? Team, string? State, string? Overdue, string? Month);
