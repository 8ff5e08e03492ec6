using LeicsPerformance.Domain.Periods;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.Routing;

namespace LeicsPerformance.Web.Hosting;

/// <summary>
/// Pages have one address per period: the period's <see cref="ReportingPeriod.UrlForm"/> (<c>2021-22-q1</c>). A page
/// asked for with another form of a period it reads (<c>?period=FY2021Q1</c>, <c>?period=2021/22</c>,
/// <c>/committees/x/q1-2021-22</c>) is moved permanently (301) to the same address with the address form, every other
/// query parameter kept, so bookmarks and old links keep working and search engines and caches learn one address.
/// </summary>
/// <remarks>
/// One filter for every page controller, registered globally in Program.cs. Not for <c>/api</c> (controllers marked
/// <c>[ApiController]</c>): the JSON API answers every form it has always read. Text that is no period is left to the
/// action, which refuses it as it always has. Only GET and HEAD are moved (a form posted to an old address is not).
/// A resource filter runs before model binding, so no page does any work for an address it moves. The output cache
/// stores only 200 answers, so a move is never cached, and never under the address-form key.
/// </remarks>
public sealed class CanonicalPeriodAddresses : IResourceFilter
{
    /// <summary>The query parameter and route value that carry a period on every page.</summary>
    public const string Parameter = "period";

    public void OnResourceExecuting(ResourceExecutingContext context)
    {
        var http = context.HttpContext;
        var request = http.Request;
        if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            || context.ActionDescriptor.EndpointMetadata.OfType<IApiBehaviorMetadata>().Any()
            || context.ActionDescriptor.EndpointMetadata.OfType<PeriodAsTypedAttribute>().Any()
            || http.Features.Get<IStatusCodeReExecuteFeature>() is not null
            || http.Features.Get<IExceptionHandlerPathFeature>() is not null)
        {
            return;
        }

        var routeValue = context.RouteData.Values.TryGetValue(Parameter, out var value) ? value as string : null;
        var routeForm = AddressForm(routeValue);
        var queryValues = request.Query.TryGetValue(Parameter, out var asked) ? asked : default;
        var queryForm = queryValues.Count == 1 ? AddressForm(queryValues[0]) : null;
        if (routeForm is null && queryForm is null)
        {
            return;
        }

        var path = request.PathBase + request.Path;
        if (routeForm is not null)
        {
            var values = new RouteValueDictionary(context.RouteData.Values) { [Parameter] = routeForm };
            var url = http.RequestServices.GetRequiredService<IUrlHelperFactory>().GetUrlHelper(context);
            if (url.RouteUrl(new UrlRouteContext { Values = values }) is not { } moved)
            {
                return;
            }

            path = moved;
        }

        var query = new QueryBuilder(request.Query.Select(q =>
            new KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>(q.Key, queryForm is not null && string.Equals(q.Key, Parameter, StringComparison.OrdinalIgnoreCase) ? queryForm : q.Value)));
        context.Result = new RedirectResult(path + query.ToQueryString(), permanent: true);
    }

    public void OnResourceExecuted(ResourceExecutedContext context)
    {
    }

    /// <summary>The address form of a period written another way; null when the text is already it, or is no period.</summary>
    private static string? AddressForm(string? text) =>
        ReportingPeriod.TryParse(text, out var period) && !string.Equals(text, period.UrlForm, StringComparison.Ordinal) ? period.UrlForm : null;
}

/// <summary>
/// An action whose <c>period</c> is text a person typed into a form field (the returns template's "for example
/// 2018/19"), not a link: it is read as typed and shown back as typed, never moved to the address form.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class)]
public sealed class PeriodAsTypedAttribute : Attribute;
