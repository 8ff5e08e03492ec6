using System.Globalization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Options;

namespace LeicsPerformance.Web.Imports;

/// <summary>Limits on uploaded files (configuration section <c>Uploads</c>).</summary>
public sealed class UploadOptions
{
    public const string Section = "Uploads";

    /// <summary>The largest file one upload may be, in bytes (default 5 MB).</summary>
    public long MaxBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>The most rows (after the heading) one returns file may hold (default 200,000).</summary>
    public int MaxRows { get; set; } = 200_000;

    /// <summary>
    /// The most problems one upload lists (default 1,000, the first found, on the preview and in its CSV); the rest are
    /// counted and the page says how many. Keeps a file of 200,000 wrong rows from holding 600,000 messages in memory.
    /// </summary>
    public int MaxProblemsListed { get; set; } = ProblemList.DefaultMaxListed;

    /// <summary>
    /// How many uploads (returns, datasets and catalogue together) one person may have waiting for confirmation
    /// (default 10): each keeps its file in the database until confirmed, cancelled or a day old.
    /// </summary>
    public int MaxPendingPerUser { get; set; } = 10;

    /// <summary>How many uploaded files one app instance checks at the same time (default 2); see <see cref="UploadGate"/>.</summary>
    public int MaxConcurrent { get; set; } = 2;

    /// <summary>How long a request waits for one of those slots before it is told to try again (default 20 seconds).</summary>
    public int QueueSeconds { get; set; } = 20;

    /// <summary>Room for the rest of a multipart request around the file (boundaries, the antiforgery token).</summary>
    public const long RequestOverhead = 64 * 1024;

    /// <summary>The largest request body accepted: a file somewhat over the limit still arrives, so it can be named.</summary>
    public long MaxRequestBytes => (MaxBytes * 2) + RequestOverhead;

    public string MaxBytesText => Size(MaxBytes);

    /// <summary>"5 MB", "512 KB", "1.5 MB", "300 bytes".</summary>
    public static string Size(long bytes)
    {
        var uk = CultureInfo.GetCultureInfo("en-GB");
        return bytes switch
        {
            >= 1024 * 1024 => (bytes / (1024m * 1024m)).ToString("0.#", uk) + " MB",
            >= 1024 => (bytes / 1024m).ToString("0.#", uk) + " KB",
            _ => bytes.ToString(uk) + (bytes == 1 ? " byte" : " bytes"),
        };
    }
}

/// <summary>
/// The configured size limit for an upload action, applied before anything reads the request body (an
/// authorisation filter ordered before the antiforgery check, which reads the form): the server stops reading at
/// <see cref="UploadOptions.MaxRequestBytes"/>, and a request that says up front it is bigger than that is answered
/// straight away with the upload form and a message naming the limit. Files between the limit and that are read
/// and refused by the action with the same message. (What <c>[RequestSizeLimit]</c> and
/// <c>[RequestFormLimits]</c> do, with a configurable size.)
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class UploadSizeLimitAttribute : Attribute, IFilterFactory, IOrderedFilter
{
    /// <summary>The view rendered (with a <see cref="UploadFormModel"/>) when a request is too large to read.</summary>
    public required string FormView { get; init; }

    /// <summary>Before the antiforgery filter (order 1000), like <c>[RequestSizeLimit]</c> (900).</summary>
    public int Order => 900;

    public bool IsReusable => true;

    public IFilterMetadata CreateInstance(IServiceProvider serviceProvider) =>
        new Filter(serviceProvider.GetRequiredService<IOptions<UploadOptions>>().Value, FormView);

    private sealed class Filter(UploadOptions options, string formView) : IAuthorizationFilter
    {
        public void OnAuthorization(AuthorizationFilterContext context)
        {
            var http = context.HttpContext;
            var limit = options.MaxRequestBytes;
            if (http.Request.ContentLength is { } length && length > limit)
            {
                var model = new UploadFormModel(null, UploadFormModel.TooLarge(length, options));
                context.Result = new ViewResult
                {
                    ViewName = formView,
                    StatusCode = StatusCodes.Status413PayloadTooLarge,
                    ViewData = new ViewDataDictionary(new EmptyModelMetadataProvider(), context.ModelState) { Model = model },
                };
                // The body is not read; close the connection rather than drain megabytes we will not use.
                http.Response.Headers.Connection = "close";
                return;
            }

            if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            {
                size.MaxRequestBodySize = limit;
            }

            if (http.Features.Get<IFormFeature>() is not { Form: not null })
            {
                http.Features.Set<IFormFeature>(new FormFeature(http.Request, new FormOptions
                {
                    MultipartBodyLengthLimit = limit,
                    BufferBodyLengthLimit = limit,
                }));
            }
        }
    }
}

/// <summary>The upload form on its own, shown again with a message when the file could not be taken at all.</summary>
public sealed record UploadFormModel(string? Intro, string Error)
{
    public static string TooLarge(long bytes, UploadOptions options) =>
        $"The selected file must be smaller than {options.MaxBytesText} (this one is {UploadOptions.Size(bytes)}). Split it into smaller files and upload each.";
}
