using System.Diagnostics;

namespace LeicsPerformance.Web.Hosting;

/// <summary>
/// One structured log line per request (method, path, status, time taken, who), and a correlation id on every line the
/// request logs. The id is the request's trace identifier: it is sent back in the <c>X-Correlation-Id</c> header and
/// printed on the error page, so support can find a reported problem in the log platform.
/// </summary>
public static class RequestLog
{
    public const string Header = "X-Correlation-Id";

    public static IApplicationBuilder UseRequestLog(this IApplicationBuilder app)
    {
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger("LeicsPerformance.Requests");
        return app.Use(async (context, next) =>
        {
            var correlationId = context.TraceIdentifier;
            // Set as the answer starts: the exception handler clears headers before it re-executes the error page.
            context.Response.OnStarting(() =>
            {
                context.Response.Headers[Header] = correlationId;
                return Task.CompletedTask;
            });
            using var scope = logger.BeginScope("CorrelationId:{CorrelationId}", correlationId);
            var started = Stopwatch.GetTimestamp();
            try
            {
                await next();
            }
            finally
            {
                // Paths only, never query strings: a query could carry what someone typed.
                logger.LogInformation(
                    "{Method} {Path} answered {StatusCode} in {ElapsedMs:F0} ms for {User}",
                    context.Request.Method,
                    context.Request.Path.Value,
                    context.Response.StatusCode,
                    Stopwatch.GetElapsedTime(started).TotalMilliseconds,
                    context.User.Identity?.IsAuthenticated == true ? context.User.Identity.Name : "anonymous");
            }
        });
    }
}
