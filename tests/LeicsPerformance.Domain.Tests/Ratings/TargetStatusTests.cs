using System.Globalization;
using LeicsPerformance.Domain.Ratings;
using LeicsPerformance.Domain.Values;

namespace LeicsPerformance.Domain.Tests.Ratings;

public class TargetStatusTests
{
    private static decimal? D(string? s) => s is null ? null : decimal.Parse(s, NumberStyles.Number | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    [Theory]
    // Single-figure targets: met when at least as good, by polarity, compared at the published precision
    [InlineData("80%", "80.0", Polarity.HighIsGood, 1, TargetStatus.Met)]
    [InlineData("80%", "79.96", Polarity.HighIsGood, 1, TargetStatus.Met)] // prints as 80.0%
    [InlineData("80%", "79.94", Polarity.HighIsGood, 1, TargetStatus.NotMet)] // prints as 79.9%
    [InlineData("80%", "85.2", Polarity.HighIsGood, 1, TargetStatus.Met)]
    [InlineData("80%", "85.2", Polarity.LowIsGood, 1, TargetStatus.NotMet)]
    [InlineData("80%", "75.0", Polarity.LowIsGood, 1, TargetStatus.Met)]
    [InlineData("80%", "75.0", Polarity.HighIsGood, 1, TargetStatus.NotMet)]
    [InlineData("1638", "1194", Polarity.LowIsGood, 0, TargetStatus.Met)] // casualties on our roads
    [InlineData("227", "188", Polarity.LowIsGood, 0, TargetStatus.Met)] // delayed transfers of care
    [InlineData("4,716", "3140", Polarity.HighIsGood, 0, TargetStatus.NotMet)] // new dwellings
    [InlineData("£16.4m", "17800000", Polarity.HighIsGood, 1, TargetStatus.Met)] // efficiencies
    [InlineData("£2.4m", "2200000", Polarity.HighIsGood, 1, TargetStatus.NotMet)] // traded services profit
    [InlineData("227", "227.4", Polarity.LowIsGood, 0, TargetStatus.Met)]
    [InlineData("227", "227.5", Polarity.LowIsGood, 0, TargetStatus.NotMet)]
    // Ranges: met inside (ends included) and on the good side, by polarity
    [InlineData("28%\u201040%", "28", Polarity.HighIsGood, 0, TargetStatus.Met)]
    [InlineData("28%\u201040%", "40", Polarity.HighIsGood, 0, TargetStatus.Met)]
    [InlineData("28%\u201040%", "28", Polarity.LowIsGood, 0, TargetStatus.Met)]
    [InlineData("28%\u201040%", "40", Polarity.LowIsGood, 0, TargetStatus.Met)]
    [InlineData("28%\u201040%", "34.5", Polarity.LowIsGood, 0, TargetStatus.Met)]
    [InlineData("28%\u201040%", "27.9", Polarity.HighIsGood, 1, TargetStatus.NotMet)] // below, higher is better
    [InlineData("28%\u201040%", "40.1", Polarity.HighIsGood, 1, TargetStatus.Met)] // above, higher is better
    [InlineData("28%\u201040%", "27.9", Polarity.LowIsGood, 1, TargetStatus.Met)] // below, lower is better
    [InlineData("28%\u201040%", "40.1", Polarity.LowIsGood, 1, TargetStatus.NotMet)] // above, lower is better
    [InlineData("5\u20106%", "2", Polarity.LowIsGood, 0, TargetStatus.Met)] // TR05 SCANNER: 2% against 5-6%, lower is better
    [InlineData("5\u20106%", "2", Polarity.HighIsGood, 0, TargetStatus.NotMet)]
    [InlineData("5\u20106%", "7", Polarity.LowIsGood, 0, TargetStatus.NotMet)]
    [InlineData("5\u20106%", "7", Polarity.HighIsGood, 0, TargetStatus.Met)]
    [InlineData("28%\u201040%", "30", Polarity.None, 0, TargetStatus.Met)]
    [InlineData("28%\u201040%", "41", Polarity.None, 0, TargetStatus.NotMet)]
    [InlineData("28%\u201040%", "27", Polarity.None, 0, TargetStatus.NotMet)]
    // Bounds: strict unless written <= or >=; the bound itself says which side is good, whatever the polarity
    [InlineData("<1797", "1796", Polarity.LowIsGood, 0, TargetStatus.Met)]
    [InlineData("<1797", "1797", Polarity.LowIsGood, 0, TargetStatus.NotMet)]
    [InlineData("<=1797", "1797", Polarity.LowIsGood, 0, TargetStatus.Met)]
    [InlineData("<1797", "1796", Polarity.HighIsGood, 0, TargetStatus.Met)]
    [InlineData("<1797", "1800", Polarity.HighIsGood, 0, TargetStatus.NotMet)]
    [InlineData("<1104", "1051", Polarity.LowIsGood, 0, TargetStatus.Met)] // household waste per household
    [InlineData(">90%", "90", Polarity.HighIsGood, 0, TargetStatus.NotMet)]
    [InlineData(">90%", "90.1", Polarity.HighIsGood, 1, TargetStatus.Met)]
    [InlineData(">=90%", "90", Polarity.HighIsGood, 0, TargetStatus.Met)]
    [InlineData(">=90%", "90", Polarity.LowIsGood, 0, TargetStatus.Met)]
    [InlineData(">90%", "85", Polarity.LowIsGood, 0, TargetStatus.NotMet)]
    [InlineData(">=90%", "89.9", Polarity.None, 1, TargetStatus.NotMet)]
    public void Scores_figures_ranges_and_bounds(string targetText, string value, Polarity polarity, int decimals, TargetStatus expected)
    {
        var target = Target.Parse(targetText);
        var format = new ValueFormat(Unit.Number, decimals);

        var rating = TargetEvaluation.Evaluate(D(value), target, polarity, format);

        rating.Status.Should().Be(expected);
        rating.Explanation.Should().Contain(expected == TargetStatus.Met ? ": met" : ": not met")
            .And.Contain(format.Format(D(value)!.Value))
            .And.Contain(target!.Describe(format));
    }

    [Theory]
    [InlineData("2", Polarity.LowIsGood, "2% against a target of 5% to 6%: met (below the range, and lower is better).")]
    [InlineData("7", Polarity.LowIsGood, "7% against a target of 5% to 6%: not met (above the range, and lower is better).")]
    [InlineData("6", Polarity.LowIsGood, "6% against a target of 5% to 6%: met (inside the range).")]
    [InlineData("7", Polarity.HighIsGood, "7% against a target of 5% to 6%: met (above the range, and higher is better).")]
    [InlineData("2", Polarity.HighIsGood, "2% against a target of 5% to 6%: not met (below the range, and higher is better).")]
    [InlineData("7", Polarity.None, "7% against a target of 5% to 6%: not met (above the range, and with no polarity only inside the range counts).")]
    public void A_range_explanation_says_which_side_the_value_is_on(string value, Polarity polarity, string expected)
    {
        // The first row is TR05 as printed in 2017/18.
        var rating = TargetEvaluation.Evaluate(D(value), Target.Parse("5\u20106%"), polarity, new ValueFormat(Unit.Percent, 0));

        rating.Explanation.Should().Be(expected);
    }

    [Theory]
    [InlineData("MTFS")]
    [InlineData("Fair Funding")]
    [InlineData("Reduction")]
    [InlineData("top quartile")]
    public void Word_targets_are_not_assessable(string targetText)
    {
        var rating = TargetEvaluation.Evaluate(504m, Target.Parse(targetText), Polarity.HighIsGood, new ValueFormat(Unit.Currency, 0));

        rating.Status.Should().Be(TargetStatus.NotAssessable);
        rating.Explanation.Should().Contain($"\"{targetText}\"");
    }

    [Theory]
    [InlineData("N/A")]
    [InlineData("")]
    [InlineData(null)]
    public void No_target_is_no_target_whatever_the_value(string? targetText)
    {
        var rating = TargetEvaluation.Evaluate(50m, Target.Parse(targetText), Polarity.HighIsGood, ValueFormat.Default);

        rating.Status.Should().Be(TargetStatus.NoTarget);
        rating.Status.ToCode().Should().Be("noTarget");
    }

    [Theory]
    [InlineData("80%")]
    [InlineData("28%\u201040%")]
    [InlineData("<1797")]
    public void No_value_is_not_assessable(string targetText)
    {
        var rating = TargetEvaluation.Evaluate(null, Target.Parse(targetText), Polarity.HighIsGood, ValueFormat.Default);

        rating.Status.Should().Be(TargetStatus.NotAssessable);
        rating.Explanation.Should().Contain("no value yet");
    }

    [Fact]
    public void A_single_figure_without_polarity_is_not_assessable()
    {
        var rating = TargetEvaluation.Evaluate(85m, Target.Parse("80%"), Polarity.None, new ValueFormat(Unit.Percent, 0));

        rating.Status.Should().Be(TargetStatus.NotAssessable);
        rating.Explanation.Should().Contain("80%").And.Contain("polarity");
    }

    [Fact]
    public void Explanation_uses_the_indicators_format()
    {
        var rating = TargetEvaluation.Evaluate(17_800_000m, Target.Parse("£16.4m"), Polarity.HighIsGood, new ValueFormat(Unit.Currency, 1, Scale.Millions));

        rating.Explanation.Should().Be("£17.8m against a target of £16.4m: met.");
    }

    [Theory]
    [InlineData(TargetStatus.NoTarget, "noTarget")]
    [InlineData(TargetStatus.Met, "met")]
    [InlineData(TargetStatus.NotMet, "notMet")]
    [InlineData(TargetStatus.NotAssessable, "notAssessable")]
    public void Status_codes(TargetStatus status, string code)
    {
        status.ToCode().Should().Be(code);
    }
}
