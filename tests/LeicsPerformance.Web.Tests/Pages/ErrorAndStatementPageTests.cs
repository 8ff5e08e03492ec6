using System.Net;
using LeicsPerformance.Web.Tests.Infrastructure;

namespace LeicsPerformance.Web.Tests.Pages;

/// <summary>Error pages (not found vs a fault) and the accessibility statement.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class ErrorAndStatementPageTests(TestDatabase database) : AppTest(database)
{
    [Theory]
    [InlineData("/no-such-page")]
    [InlineData("/error/404")]
    [InlineData("/dashboards/no-such-dashboard?period=2017/18")]
    public async Task Not_found_says_page_not_found_with_a_way_on(string url)
    {
        var page = await Client.GetPageAsync(url);

        page.Response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        page.Document.ShouldBeAccessibleAndCspClean();
        page.Document.QuerySelector("h1")!.Words().Should().Be("Page not found");
        page.Document.Title.Should().StartWith("Page not found");
        page.Document.QuerySelector("main a[href='/dashboards']").Should().NotBeNull();
        page.Html.Should().NotContain("quote this reference", "a missing page is not a fault to report");
    }

    [Fact]
    public async Task A_fault_says_sorry_and_gives_a_reference()
    {
        var page = await Client.GetPageAsync("/error");

        page.Response.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        page.Document.QuerySelector("h1")!.Words().Should().Be("Sorry, there is a problem with the service");
        page.Document.QuerySelector("main code")!.Words().Should().NotBeEmpty();
    }

    [Fact]
    public async Task Accessibility_statement_is_honest_about_its_target_and_gaps()
    {
        var page = await Client.GetPageAsync("/accessibility");

        page.Response.StatusCode.Should().Be(HttpStatusCode.OK);
        page.Document.ShouldBeAccessibleAndCspClean();
        page.Document.QuerySelector("h1")!.Words().Should().Be("Accessibility statement for LeicsPerformance");
        var text = page.Document.QuerySelector("main")!.Words();
        text.Should().Contain("WCAG) version 2.2 at level AA");
        text.Should().Contain("Every chart has a table");
        text.Should().Contain("Nothing is shown by colour alone");
        text.Should().Contain("has not yet been independently audited");
        page.Document.QuerySelectorAll("h2").Select(h => h.Words()).Should().Contain("Reporting a problem");
    }
}
