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
    [InlineData("1638", "1194", Polarity.LowIsGood, 0, TargetStatus.Met)] // casualties on our roads
    [InlineData("227", "188", Polarity.LowIsGood, 0, TargetStatus.Met)] // delayed transfers of care
    [InlineData("4,716", "3140", Polarity.HighIsGood, 0, TargetStatus.NotMet)] // new dwellings
    [InlineData("£16.4m", "17800000", Polarity.HighIsGood, 1, TargetStatus.Met)] // efficiencies
    [InlineData("£2.4m", "2200000", Polarity.HighIsGood, 1, TargetStatus.NotMet)] // traded services profit
    [InlineData("227", "227.4", Polarity.LowIsGood, 0, TargetStatus.Met)]
    [InlineData("227", "227.5", Polarity.LowIsGood, 0, TargetStatus.NotMet)]
    // Ranges include both ends
    [InlineData("28%\u201040%", "28", Polarity.HighIsGood, 0, TargetStatus.Met)]
    [InlineData("28%\u201040%", "40", Polarity.HighIsGood, 0, TargetStatus.Met)]
    [InlineData("28%\u201040%", "34.5", Polarity.LowIsGood, 0, TargetStatus.Met)]
    [InlineData("28%\u201040%", "27.9", Polarity.HighIsGood, 1, TargetStatus.NotMet)]
    [InlineData("28%\u201040%", "40.1", Polarity.HighIsGood, 1, TargetStatus.NotMet)]
    [InlineData("5\u20106%", "2", Polarity.LowIsGood, 0, TargetStatus.NotMet)] // SCANNER: 2% is outside the 5-6% band
    [InlineData("28%\u201040%", "30", Polarity.None, 0, TargetStatus.Met)]
    // Bounds: strict unless written <= or >=
    [InlineData("<1797", "1796", Polarity.LowIsGood, 0, TargetStatus.Met)]
    [InlineData("<1797", "1797", Polarity.LowIsGood, 0, TargetStatus.NotMet)]
    [InlineData("<=1797", "1797", Polarity.LowIsGood, 0, TargetStatus.Met)]
    [InlineData("<1104", "1051", Polarity.LowIsGood, 0, TargetStatus.Met)] // household waste per household
    [InlineData(">90%", "90", Polarity.HighIsGood, 0, TargetStatus.NotMet)]
    [InlineData(">90%", "90.1", Polarity.HighIsGood, 1, TargetStatus.Met)]
    [InlineData(">=90%", "90", Polarity.HighIsGood, 0, TargetStatus.Met)]
    [InlineData(">=90%", "89.9", Polarity.None, 1, TargetStatus.NotMet)]
    public void Scores_figures_ranges_and_bounds(string targetText, string value, Polarity polarity, int decimals, TargetStatus expected)
    {
        var target = Target.Parse(targetText);
        var format = new ValueFormat(Unit.Number, decimals);

        var rating = TargetEvaluation.Evaluate(D(value), target, polarity, format);

        rating.Status.Should().Be(expected);
        rating.Explanation.Should().EndWith(expected == TargetStatus.Met ? ": met." : ": not met.")
            .And.Contain(format.Format(D(value)!.Value))
            .And.Contain(target!.Describe(format));
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
