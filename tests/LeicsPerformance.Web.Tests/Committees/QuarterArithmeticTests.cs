using LeicsPerformance.Domain.Periods;
using LeicsPerformance.Web.Reporting;

namespace LeicsPerformance.Web.Tests.Committees;

/// <summary>The quarter arithmetic the committee reports rely on (the rules live in the Domain; these pin them down).</summary>
public sealed class QuarterArithmeticTests
{
    [Fact]
    public void The_previous_quarter_of_Quarter_One_is_Quarter_Four_of_the_previous_financial_year()
    {
        var q1 = ReportingPeriod.FinancialQuarter(2021, 1);

        q1.Previous().Should().Be(ReportingPeriod.FinancialQuarter(2020, 4));
        q1.Previous().Label.Should().Be("Q4 2020/21");
        q1.Previous().End.Should().Be(new DateOnly(2021, 3, 31));
        ReportingPeriod.FinancialQuarter(2021, 3).Previous().Should().Be(ReportingPeriod.FinancialQuarter(2021, 2));
    }

    [Theory]
    [InlineData(2021, 1, "Q1 2020/21")]
    [InlineData(2021, 2, "Q2 2020/21")]
    [InlineData(2021, 4, "Q4 2020/21")]
    public void The_same_quarter_last_year_is_the_same_quarter_of_the_previous_financial_year(int year, int quarter, string expected) =>
        ReportingPeriod.FinancialQuarter(year, quarter).SamePeriodLastYear().Label.Should().Be(expected);

    [Theory]
    [InlineData("Quarter One 2021-22")]
    [InlineData("Quarter One 2021-22 (April – June)")]
    [InlineData("Q1 2021/22")]
    [InlineData("first quarter (April to June) of 2021-22")]
    [InlineData("FY2021Q1")]
    [InlineData("2021-22-q1")]
    public void The_council_wordings_of_a_quarter_all_read_as_the_same_period(string text)
    {
        CommitteePeriods.TryParse(text, out var period).Should().BeTrue();
        period.Should().Be(ReportingPeriod.FinancialQuarter(2021, 1));
        period.LongLabel.Should().Be("Quarter One 2021-22 (April – June)");
        period.Start.Should().Be(new DateOnly(2021, 4, 1));
        period.End.Should().Be(new DateOnly(2021, 6, 30));
    }

    [Fact]
    public void The_domain_reads_the_three_wordings_from_the_papers_as_one_period()
    {
        string[] wordings = ["Quarter One 2021-22", "Q1 2021/22", "first quarter (April to June) of 2021-22"];
        wordings.Select(ReportingPeriod.Parse).Distinct().Should().ContainSingle().Which.Code.Should().Be("FY2021Q1");
    }

    [Theory]
    [InlineData("2021-22-q1", 2021, 1)]
    [InlineData("2020-21-q4", 2020, 4)]
    [InlineData("1999-00-q2", 1999, 2)]
    public void Report_addresses_are_readable_and_round_trip(string slug, int year, int quarter)
    {
        var period = ReportingPeriod.FinancialQuarter(year, quarter);
        CommitteePeriods.Slug(period).Should().Be(slug);
        CommitteePeriods.TryParse(slug, out var back).Should().BeTrue();
        back.Should().Be(period);
    }

    [Theory]
    [InlineData("2021-23-q1")]
    [InlineData("2021-22-q5")]
    [InlineData("2021/22")]
    [InlineData("FY2021")]
    [InlineData("")]
    public void Anything_but_a_quarter_is_not_a_report_period(string text) =>
        CommitteePeriods.TryParse(text, out _).Should().BeFalse();
}
