using LeicsPerformance.Web.Data.Entities;
using LeicsPerformance.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace LeicsPerformance.Web.Tests.Hosting;

/// <summary>
/// <c>add-user</c> and <c>create-admin</c> as an operator runs them (docs/operations.md): a separate process on the
/// database, the password from LEICS_NEW_PASSWORD, a clear message and exit code 2 for a mistake, and no account
/// made by a command that refused.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class AccountCommandTests(TestDatabase database) : AppTest(database)
{
    private const string Password = "a-long-enough-password-1";

    private static readonly Dictionary<string, string> WithPassword = new() { ["LEICS_NEW_PASSWORD"] = Password };

    [Fact]
    public async Task Add_user_creates_the_account_with_its_role_and_the_password_from_the_environment()
    {
        var outcome = await CommandLineProcess.RunAsync(ConnectionString, WithPassword, "add-user", "--email", "new.analyst@example.org", "--role", Roles.Analyst, "--name", "New Analyst");

        outcome.ExitCode.Should().Be(0, "stderr: {0}", outcome.Error);
        outcome.Output.Should().Contain("Created new.analyst@example.org.").And.Contain("new.analyst@example.org has the role analyst.");
        await using var scope = Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByEmailAsync("new.analyst@example.org");
        user.Should().NotBeNull();
        user!.DisplayName.Should().Be("New Analyst");
        (await users.IsInRoleAsync(user, Roles.Analyst)).Should().BeTrue();
        (await users.IsInRoleAsync(user, Roles.Administrator)).Should().BeFalse();
        (await users.CheckPasswordAsync(user, Password)).Should().BeTrue();
    }

    [Fact]
    public async Task Create_admin_gives_an_existing_account_the_administrator_role_without_a_second_account()
    {
        (await CommandLineProcess.RunAsync(ConnectionString, WithPassword, "add-user", "--email", "promoted@example.org", "--role", Roles.Viewer)).ExitCode.Should().Be(0);

        var outcome = await CommandLineProcess.RunAsync(ConnectionString, "create-admin", "--email", "promoted@example.org");

        outcome.ExitCode.Should().Be(0, "stderr: {0}", outcome.Error);
        outcome.Output.Should().NotContain("Created").And.Contain("promoted@example.org has the role administrator.");
        await using var scope = Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByEmailAsync("promoted@example.org");
        (await users.IsInRoleAsync(user!, Roles.Administrator)).Should().BeTrue();
        (await users.IsInRoleAsync(user!, Roles.Viewer)).Should().BeTrue();
    }

    [Theory]
    [InlineData("'boss' is not a role: use viewer, analyst, administrator.", "add-user", "--email", "nobody@example.org", "--role", "boss")]
    [InlineData("Give the account's email address", "create-admin")]
    public async Task A_mistake_is_named_with_exit_code_2_and_no_account_is_made(string message, params string[] args)
    {
        var outcome = await CommandLineProcess.RunAsync(ConnectionString, WithPassword, args);

        outcome.ExitCode.Should().Be(2, "the documented code for a command that could not run (stdout: {0})", outcome.Output);
        outcome.Error.Should().Contain(message).And.NotContain("Unhandled exception");
        await using var scope = Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        (await users.FindByEmailAsync("nobody@example.org")).Should().BeNull();
    }
}
