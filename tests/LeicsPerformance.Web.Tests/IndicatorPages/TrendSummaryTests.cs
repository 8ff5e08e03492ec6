using LeicsPerformance.Domain.Periods;
using LeicsPerformance.Domain.Ratings;
using LeicsPerformance.Domain.Values;
using LeicsPerformance.Web.Reporting;

namespace LeicsPerformance.Web.Tests.IndicatorPages;

/// <summary>The trend's text summary: the words beside every trend chart.</summary>
public sealed class TrendSummaryTests
{
    private static readonly ValueFormat Percent = new(Unit.Percent, 1);
    private static readonly ValueFormat Pounds = new(Unit.Currency, 0);

    [Fact]
    public void A_rise_with_higher_is_better_is_an_improvement()
    {
        var text = IndicatorTrends.TrendSummary(Details(Polarity.HighIsGood, Pounds), [Row("2016/17", 653m, "£653"), Row("2017/18", 677m, "£677")]);

        text.Should().Be("From 2016/17 to 2017/18 the value rose from £653 to £677; higher is better, so this is an improvement.");
    }

    [Fact]
    public void A_rise_with_lower_is_better_is_a_deterioration()
    {
        var text = IndicatorTrends.TrendSummary(Details(Polarity.LowIsGood, Percent), [Row("2016/17", 3.6m, "3.6%"), Row("2017/18", 3.7m, "3.7%")]);

        text.Should().Be("From 2016/17 to 2017/18 the value rose from 3.6% to 3.7%; lower is better, so this is a deterioration.");
    }

    [Fact]
    public void Three_points_describe_the_whole_span_and_the_latest_step()
    {
        var text = IndicatorTrends.TrendSummary(
            Details(Polarity.HighIsGood, Pounds),
            [Row("2016/17", 653m, "£653"), Row("2017/18", 677m, "£677"), Row("2018/19", 677m, "£677")]);

        text.Should().Be("From 2016/17 to 2018/19 the value rose from £653 to £677; higher is better, so this is an improvement. "
                         + "Most recently, from 2017/18 to 2018/19 the value stayed at £677: no real change.");
    }

    [Fact]
    public void The_indicators_own_tolerance_decides_no_real_change()
    {
        var details = Details(Polarity.LowIsGood, Percent) with { NoRealChangeRule = new NoRealChangeRule(NoRealChangeKind.AbsoluteTolerance, 0.5m) };
        var text = IndicatorTrends.TrendSummary(details, [Row("2016/17", 3.6m, "3.6%"), Row("2017/18", 3.7m, "3.7%")]);

        text.Should().Be("From 2016/17 to 2017/18 the value rose from 3.6% to 3.7%, within the indicator's tolerance, so this is no real change.");
    }

    [Fact]
    public void Without_polarity_a_change_is_neither_better_nor_worse()
    {
        var text = IndicatorTrends.TrendSummary(Details(Polarity.None, Pounds), [Row("2016/17", 10m, "£10"), Row("2017/18", 8m, "£8")]);

        text.Should().EndWith("fell from £10 to £8; neither higher nor lower is better for this indicator, so this is neither an improvement nor a deterioration.");
    }

    [Fact]
    public void States_without_numbers_are_skipped_and_a_single_figure_is_no_trend()
    {
        var text = IndicatorTrends.TrendSummary(
            Details(Polarity.HighIsGood, Percent),
            [new TrendRow("FY2016", "2016/17", null, ValueStatus.NotAvailable, "No data", string.Empty, string.Empty, null, string.Empty), Row("2017/18", 48.6m, "48.6%")]);

        text.Should().Be("Only one figure is held: 48.6% for 2017/18, so there is no trend yet.");
    }

    private static TrendRow Row(string period, decimal value, string display) =>
        new("FY" + period[..4], period, value, ValueStatus.Published, display, string.Empty, string.Empty, null, string.Empty);

    private static IndicatorDetails Details(Polarity polarity, ValueFormat format) => new(
        1, "X01", "Test indicator", string.Empty, "dash", "Dashboard", "Theme", string.Empty, polarity, format, string.Empty,
        null, null, Frequency.Annual, false, false, string.Empty, NoRealChangeRule.Default, string.Empty, "leicestershire", "Leicestershire",
        new IndicatorSource(string.Empty, string.Empty, string.Empty));
}
