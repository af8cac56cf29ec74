namespace Sodalite.Hub.Pages.Models;

/// <summary>
/// A list page's query string: text filter <c>q</c>, <c>source</c>, <c>sort</c> (a column name the page knows), <c>desc</c>, and
/// <c>page</c> (1-based); pages hold <see cref="PageSize"/> rows.
/// </summary>
public sealed record ListQuery(string? Q, string? Source, string? Sort, bool Desc, int Page)
{
    /// <summary>Rows per page of a list.</summary>
    public const int PageSize = 50;

    /// <summary>Rows to skip for <see cref="Page"/>.</summary>
    public int Skip => (Math.Max(Page, 1) - 1) * PageSize;
}
