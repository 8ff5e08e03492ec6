namespace LeicsPerformance.Web.Hosting;

/// <summary>
/// Refuses, with 400, a request whose path, query or plain form carries a control character (NUL and the like). No
/// page has a use for one, and PostgreSQL rejects NUL in text, so such values must never reach a query.
/// </summary>
public static class RequestValidation
{
    public static IApplicationBuilder UseRequestValidation(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        // The path may still hold %00 (Kestrel decodes it, other servers may not); route values are decoded later.
        var bad = HasControlCharacter(Uri.UnescapeDataString(request.Path.Value ?? string.Empty))
            || request.Query.Any(q => HasControlCharacter(q.Key) || q.Value.Any(HasControlCharacter));
        if (!bad && request.HasFormContentType && request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true)
        {
            var form = await request.ReadFormAsync(context.RequestAborted);
            bad = form.Any(f => HasControlCharacter(f.Key) || f.Value.Any(HasControlCharacter));
        }

        if (bad)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        await next();
    });

    /// <summary>C0 controls other than tab, line feed and carriage return (which a text box may send), and DEL.</summary>
    public static bool HasControlCharacter(string? text)
    {
        if (text is null)
        {
            return false;
        }

        foreach (var c in text)
        {
            if ((c < ' ' && c is not '\t' and not '\n' and not '\r') || c == '\u007F')
            {
                return true;
            }
        }

        return false;
    }
}
