using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;

namespace LeicsPerformance.Web.Imports;

/// <summary>
/// Bounds how many uploaded files this instance checks at once (<see cref="UploadOptions.MaxConcurrent"/>): checking a
/// big file takes real memory, so several people uploading together queue for a short while
/// (<see cref="UploadOptions.QueueSeconds"/>) rather than all at once, and are then told, with 503 and Retry-After,
/// to try again in a minute. Per instance: with several instances each has its own slots.
/// </summary>
public sealed class UploadGate(IOptions<UploadOptions> options) : IDisposable
{
    private readonly SemaphoreSlim slots = new(options.Value.MaxConcurrent);

    /// <summary>A held slot (dispose to give it back), or null when none came free in time.</summary>
    public async Task<IDisposable?> EnterAsync(CancellationToken ct) =>
        await slots.WaitAsync(TimeSpan.FromSeconds(options.Value.QueueSeconds), ct) ? new Slot(slots) : null;

    public void Dispose() => slots.Dispose();

    private sealed class Slot(SemaphoreSlim slots) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                slots.Release();
            }
        }
    }
}

/// <summary>
/// Marks an action that reads or checks an uploaded file (upload, preview, its downloads, check again, confirm, for
/// every kind of upload): it runs only while holding a slot of the <see cref="UploadGate"/>, or answers 503 with
/// Retry-After and a page saying nothing was saved or lost. Runs after sign-in, the size limit and the antiforgery
/// check (authorisation filters), before the action reads anything.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class UploadWorkAttribute : Attribute, IAsyncResourceFilter
{
    /// <summary>Seconds a refused person is asked to wait.</summary>
    public const int RetryAfterSeconds = 30;

    public async Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
    {
        var gate = context.HttpContext.RequestServices.GetRequiredService<UploadGate>();
        using var slot = await gate.EnterAsync(context.HttpContext.RequestAborted);
        if (slot is null)
        {
            context.HttpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            context.Result = new ViewResult { ViewName = "~/Views/Shared/UploadsBusy.cshtml", StatusCode = StatusCodes.Status503ServiceUnavailable };
            return;
        }

        await next();
    }
}
