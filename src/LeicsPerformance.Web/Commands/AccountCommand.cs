using LeicsPerformance.Web.Data;
using LeicsPerformance.Web.Data.Entities;
using Microsoft.AspNetCore.Identity;

namespace LeicsPerformance.Web.Commands;

/// <summary>
/// <c>create-admin</c> and <c>add-user</c>: creates an account (or finds it) and gives it a role. The password is read
/// from LEICS_NEW_PASSWORD, a pipe, or a prompt that does not echo; never from the command line.
/// </summary>
public static class AccountCommand
{
    public static async Task<int> AddUserAsync(IServiceProvider sp, string? email, string? name, string role)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            throw new InvalidOperationException("Give the account's email address: --email someone@example.org");
        }

        if (!Roles.All.Contains(role, StringComparer.Ordinal))
        {
            throw new InvalidOperationException($"'{role}' is not a role: use {string.Join(", ", Roles.All)}.");
        }

        var users = sp.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            var password = ReadNewPassword();
            user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name ?? email };
            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException("The account was not created: " + string.Join(" ", created.Errors.Select(e => e.Description)));
            }

            Console.WriteLine($"Created {email}.");
        }

        if (!await users.IsInRoleAsync(user, role))
        {
            var added = await users.AddToRoleAsync(user, role);
            if (!added.Succeeded)
            {
                throw new InvalidOperationException(string.Join(" ", added.Errors.Select(e => e.Description)));
            }

            // Existing sessions end: the person signs in again and gets the new role.
            await users.UpdateSecurityStampAsync(user);
        }

        Console.WriteLine($"{email} has the role {role}.");
        return 0;
    }

    private static string ReadNewPassword()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("LEICS_NEW_PASSWORD");
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return fromEnvironment;
        }

        if (Console.IsInputRedirected)
        {
            return Console.In.ReadLine() ?? throw new InvalidOperationException("No password given: set LEICS_NEW_PASSWORD or pipe one in.");
        }

        Console.Write("Password for the new account (at least 12 characters): ");
        var password = new System.Text.StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                Console.WriteLine();
                return password.ToString();
            }

            if (key.Key == ConsoleKey.Backspace && password.Length > 0)
            {
                password.Length--;
            }
            else if (!char.IsControl(key.KeyChar))
            {
                password.Append(key.KeyChar);
            }
        }
    }
}
