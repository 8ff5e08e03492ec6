using System.Security.Claims;
using LeicsPerformance.Web.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LeicsPerformance.Web.Hosting;

/// <summary>
/// Ends a session on the server: on every signed-in request the cookie's security stamp is compared with the
/// account's current one, so signing out, a password change or a role change (each moves the stamp) refuses every
/// copy of the old cookie at once. One indexed read of one column per request. Identity's own validator, run on every
/// request, would also rebuild the principal (roles and claims, four queries) and re-issue the cookie each time,
/// which made a signed-in page cost several times an anonymous one; roles cannot go stale here because a role change
/// moves the stamp too.
/// </summary>
public static class SessionCheck
{
    private static readonly Func<PerformanceDbContext, string, Task<string?>> CurrentStamp =
        EF.CompileAsyncQuery((PerformanceDbContext db, string userId) =>
            db.Users.Where(u => u.Id == userId).Select(u => u.SecurityStamp).FirstOrDefault());

    public static async Task ValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        var claimTypes = context.HttpContext.RequestServices.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity;
        var userId = context.Principal?.FindFirstValue(claimTypes.UserIdClaimType);
        var stamp = context.Principal?.FindFirstValue(claimTypes.SecurityStampClaimType);
        if (userId is not null && stamp is not null)
        {
            var db = context.HttpContext.RequestServices.GetRequiredService<PerformanceDbContext>();
            if (await CurrentStamp(db, userId) == stamp)
            {
                return;
            }
        }

        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }
}
