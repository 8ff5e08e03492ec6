using Microsoft.AspNetCore.Identity;

namespace LeicsPerformance.Web.Data.Entities;

/// <summary>A person who signs in: an officer or member (viewer), an analyst, or an administrator.</summary>
public sealed class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = string.Empty;
}

/// <summary>The three roles. Reading published dashboards needs none of them.</summary>
public static class Roles
{
    public const string Viewer = "viewer";
    public const string Analyst = "analyst";
    public const string Administrator = "administrator";

    public static readonly string[] All = [Viewer, Analyst, Administrator];

    /// <summary>Analysts and administrators may load returns.</summary>
    public const string CanLoadReturns = Analyst + "," + Administrator;
}
