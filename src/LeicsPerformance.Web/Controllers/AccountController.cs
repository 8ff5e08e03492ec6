using System.ComponentModel.DataAnnotations;
using LeicsPerformance.Web.Data.Entities;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace LeicsPerformance.Web.Controllers;

public sealed class SignInForm
{
    [Required(ErrorMessage = "Enter your email address")]
    [EmailAddress(ErrorMessage = "Enter an email address in the correct format, like name@example.org")]
    [Display(Name = "Email address")]
    public string Email { get; set; } = string.Empty;

    [Required(ErrorMessage = "Enter your password")]
    [DataType(DataType.Password)]
    [Display(Name = "Password")]
    public string Password { get; set; } = string.Empty;

    public string? ReturnUrl { get; set; }
}

[Route("account")]
public sealed class AccountController(SignInManager<AppUser> signIn, UserManager<AppUser> users, IPasswordHasher<AppUser> hasher) : Controller
{
    /// <summary>
    /// One message for an unknown address, a wrong password and a locked account, so the page does not reveal which
    /// accounts exist or which are locked. The lockout itself still applies (five failures, 15 minutes).
    /// </summary>
    public const string FailedMessage =
        "The email address or password is not right. After 5 failed attempts an account is locked for 15 minutes.";

    // A hash of nothing anyone knows, checked when there is no password to check (unknown or locked account) so that
    // every failed sign-in costs the same time as a wrong password; otherwise the answer's speed reveals the account.
    private static string? decoyHash;

    [HttpGet("sign-in")]
    [AllowAnonymous]
    public IActionResult SignIn(string? returnUrl) => View(new SignInForm { ReturnUrl = returnUrl });

    [HttpPost("sign-in")]
    [AllowAnonymous]
    public async Task<IActionResult> SignIn(SignInForm form)
    {
        if (!ModelState.IsValid)
        {
            return View(form);
        }

        var email = form.Email.Trim();
        var user = await users.FindByEmailAsync(email);
        var result = user is null
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasswordSignInAsync(user, form.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(form.ReturnUrl) ? form.ReturnUrl! : "/");
        }

        if (user is null || result.IsLockedOut || result.IsNotAllowed)
        {
            var decoy = new AppUser();
            decoyHash ??= hasher.HashPassword(decoy, Guid.NewGuid().ToString());
            hasher.VerifyHashedPassword(decoy, decoyHash, form.Password);
        }

        ModelState.AddModelError(nameof(SignInForm.Password), FailedMessage);
        form.Password = string.Empty;
        return View(form);
    }

    /// <summary>
    /// Ends the session on the server as well as in the browser: the new security stamp makes every copy of the old
    /// cookie invalid, because the stamp is checked on every request (see Program.cs).
    /// </summary>
    [HttpPost("sign-out")]
    public async Task<IActionResult> SignOutNow()
    {
        if (await users.GetUserAsync(User) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
        }

        await signIn.SignOutAsync();
        return LocalRedirect("/");
    }

    [HttpGet("access-denied")]
    [AllowAnonymous]
    public IActionResult AccessDenied()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return View();
    }
}
