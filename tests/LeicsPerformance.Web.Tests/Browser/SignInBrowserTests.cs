using LeicsPerformance.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace LeicsPerformance.Web.Tests.Browser;

[Collection(DatabaseCollection.Name)]
public sealed class SignInBrowserTests(TestDatabase database, BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private LiveApp app = null!;

    public async Task InitializeAsync() => app = LiveApp.Start(await database.CreateCopyAsync());

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task The_sign_in_form_is_keyboard_usable_names_its_errors_and_passes_axe()
    {
        var page = await browser.NewPageAsync(app.BaseAddress);
        await page.GotoAsync("/account/sign-in");

        // Tab from the top of the page reaches the skip link first, then the form can be submitted from the keyboard.
        await page.Keyboard.PressAsync("Tab");
        (await page.EvaluateAsync<string>("document.activeElement.textContent")).Should().Contain("Skip to main content");
        await page.FocusAsync("#Email");
        await page.Keyboard.TypeAsync("someone@example.org");
        await page.Keyboard.PressAsync("Enter");

        await page.WaitForSelectorAsync(".govuk-error-summary");
        (await page.InnerTextAsync(".govuk-error-summary")).Should().Contain("Enter your password");
        (await Accessibility.SeriousViolationsAsync(page)).Should().BeEmpty();
    }

    [Fact]
    public async Task The_accessibility_check_does_find_violations_on_a_bad_page()
    {
        // Proves the axe check is live: a page with an unlabelled input and an image without alt text must fail it.
        var page = await browser.NewPageAsync(app.BaseAddress);
        await page.SetContentAsync("<html lang='en'><head><title>bad</title></head><body><main><img src='x.png'><input type='text'></main></body></html>");
        (await Accessibility.SeriousViolationsAsync(page)).Should().Contain(v => v.StartsWith("image-alt", StringComparison.Ordinal))
            .And.Contain(v => v.StartsWith("label", StringComparison.Ordinal));
    }
}
