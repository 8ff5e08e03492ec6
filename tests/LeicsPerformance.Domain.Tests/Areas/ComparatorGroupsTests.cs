using LeicsPerformance.Domain.Areas;
using LeicsPerformance.Domain.Periods;

namespace LeicsPerformance.Domain.Tests.Areas;

public class ComparatorGroupsTests
{
    // The 2021 and 2023 changes in miniature, with two councils that did not change.
    private static readonly Authority[] Authorities =
    [
        new("E10000018", "Leicestershire", AuthorityType.County, "East Midlands", null, null),
        new("E10000021", "Northamptonshire", AuthorityType.County, "East Midlands", null, 2020),
        new("E06000061", "North Northamptonshire", AuthorityType.Unitary, "East Midlands", 2021, null),
        new("E06000062", "West Northamptonshire", AuthorityType.Unitary, "East Midlands", 2021, null),
        new("E10000006", "Cumbria", AuthorityType.County, "North West", null, 2022),
        new("E06000063", "Cumberland", AuthorityType.Unitary, "North West", 2023, null),
        new("E06000016", "Leicester", AuthorityType.Unitary, "East Midlands", null, null),
        new("E09000001", "City of London", AuthorityType.LondonBorough, "London", null, null),
    ];

    [Theory]
    [InlineData(2020, "county", new[] { "E10000018", "E10000021", "E10000006" })]
    [InlineData(2021, "county", new[] { "E10000018", "E10000006" })]
    [InlineData(2023, "county", new[] { "E10000018" })]
    [InlineData(2020, "upper-tier", new[] { "E10000018", "E10000021", "E10000006", "E06000016" })]
    [InlineData(2021, "upper-tier", new[] { "E10000018", "E06000061", "E06000062", "E10000006", "E06000016" })]
    [InlineData(2023, "upper-tier", new[] { "E10000018", "E06000061", "E06000062", "E06000063", "E06000016" })]
    [InlineData(2020, "region:East Midlands", new[] { "E10000018", "E10000021", "E06000016" })]
    [InlineData(2021, "region:East Midlands", new[] { "E10000018", "E06000061", "E06000062", "E06000016" })]
    public void Members_follow_the_boundary_changes(int year, string rule, string[] expected)
    {
        ComparatorGroups.Members(rule, year, Authorities).Select(a => a.OnsCode).Should().BeEquivalentTo(expected);
    }

    [Theory]
    [InlineData("upper-tier")]
    [InlineData("region:East Midlands")]
    [InlineData("region:North West")]
    public void A_group_never_holds_a_county_and_the_unitaries_that_replaced_it(string rule)
    {
        for (var year = 2015; year <= 2025; year++)
        {
            var codes = ComparatorGroups.Members(rule, year, Authorities).Select(a => a.OnsCode).ToHashSet();
            (codes.Contains("E10000021") && (codes.Contains("E06000061") || codes.Contains("E06000062"))).Should().BeFalse($"{year}: Northamptonshire and its successors");
            (codes.Contains("E10000006") && codes.Contains("E06000063")).Should().BeFalse($"{year}: Cumbria and Cumberland");
        }
    }

    [Theory]
    // the period, the group versions held, the version used
    [InlineData("2018/19", new[] { 2018, 2019, 2020, 2021, 2023 }, 2018)]
    [InlineData("2019/20", new[] { 2018, 2019, 2020, 2021, 2023 }, 2019)]
    [InlineData("2022/23", new[] { 2018, 2019, 2020, 2021, 2023 }, 2021)]
    [InlineData("2023/24", new[] { 2018, 2019, 2020, 2021, 2023 }, 2023)]
    [InlineData("2010", new[] { 2018, 2019, 2020, 2021, 2023 }, 2018)] // before any version: the earliest
    [InlineData("AY 2021/22", new[] { 2018, 2021 }, 2021)]
    public void A_period_uses_the_membership_in_force_in_the_year_it_starts(string period, int[] versions, int expected)
    {
        ComparatorGroups.VersionFor(versions, ReportingPeriod.Parse(period)).Should().Be(expected);
    }

    [Fact]
    public void Change_years_are_the_first_year_of_each_new_authority_and_the_year_after_each_abolition()
    {
        ComparatorGroups.ChangeYears(Authorities).Should().Equal(2021, 2023);
    }

    [Fact]
    public void An_unknown_rule_is_refused()
    {
        var act = () => ComparatorGroups.Members("districts", 2020, Authorities);
        act.Should().Throw<ArgumentException>();
    }
}
