using LeicsPerformance.Web.Data.Entities;
using LeicsPerformance.Web.Data;
using LeicsPerformance.Web.Imports;
using LeicsPerformance.Web.Reporting;
using LeicsPerformance.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;

namespace LeicsPerformance.Web.Tests.Hosting;

/// <summary>Settings that could hurt a real server: sample data, the home area, options checked at start-up, the clock.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class StartupSettingsTests(TestDatabase database)
{
    [Theory]
    [InlineData("Development", null, true)]
    [InlineData("Production", null, false)] // illustrative reports must never be published on a real server by accident
    [InlineData("Staging", null, false)]
    [InlineData("Production", "true", true)]
    [InlineData("Development", "false", false)]
    public void Sample_data_loads_by_default_only_in_development(string environment, string? setting, bool expected)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(setting is null ? [] : [new("SampleData:Load", setting)])
            .Build();

        DatabaseStartup.LoadsSampleData(configuration, new HostingEnvironment { EnvironmentName = environment }).Should().Be(expected);
    }

    [Fact]
    public async Task A_blank_home_area_stops_the_app_at_start_up()
    {
        await using var factory = new AppFactory(await database.CreateCopyAsync())
            .WithWebHostBuilder(b => b.UseSetting("Reporting:HomeAreaCode", " "));

        var start = () => factory.CreateClient();

        start.Should().Throw<OptionsValidationException>().WithMessage("*Reporting:HomeAreaCode*");
    }

    [Fact]
    public async Task A_return_row_without_an_area_is_for_the_configured_home_area_and_its_load_is_dated_by_the_clock()
    {
        await using var db = TestDatabase.CreateContext(await database.CreateCopyAsync());
        var at = new DateTimeOffset(2026, 3, 31, 23, 30, 0, TimeSpan.Zero);
        var importer = new ReturnImporter(db, Options.Create(new ReportingOptions { HomeAreaCode = "camden" }));

        var plan = await importer.PlanAsync("camden.csv", "indicator_code,period,value\nFF01,2017/18,£612\n"u8.ToArray());
        plan.Errors.Should().BeEmpty();
        plan.Changes.Single().Line.AreaName.Should().Be("Camden");

        var load = await new ReturnWriter(db, new FixedClock(at)).CommitAsync(plan, LoadKind.Upload, "test");
        (await db.DataLoads.AsNoTracking().SingleAsync(l => l.Id == load.Id)).LoadedAt.Should().Be(at);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
