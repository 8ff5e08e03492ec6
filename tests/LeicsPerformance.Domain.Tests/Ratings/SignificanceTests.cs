using LeicsPerformance.Domain.Ratings;
using LeicsPerformance.Domain.Values;

namespace LeicsPerformance.Domain.Tests.Ratings;

public class SignificanceTests
{
    private static readonly ValueFormat Percent = new(Unit.Percent, 1);

    private static ConfidenceInterval Ci(decimal lower, decimal upper) => new(lower, upper, IntervalSource.Published);

    [Fact]
    public void Overlapping_intervals_are_no_real_change_and_say_so()
    {
        var rating = DirectionOfTravel.Compute(63.5m, 62.8m, Polarity.HighIsGood, NoRealChangeRule.Significance, Percent, false, Ci(61.7m, 65.3m), Ci(61.0m, 64.6m));

        rating.Direction.Should().Be(Direction.NoRealChange);
        rating.Reason.Should().Be(DirectionReason.NotSignificant);
        rating.Explanation.Should().Be("62.8% (61.0–64.6) → 63.5% (61.7–65.3): the 95% confidence intervals overlap, so this is not a significant change.");
    }

    [Theory]
    // current, its limits, previous, its limits, polarity, expected
    [InlineData(66.0, 65.0, 67.0, 62.8, 61.0, 64.6, Polarity.HighIsGood, Direction.Improved)]
    [InlineData(66.0, 65.0, 67.0, 62.8, 61.0, 64.6, Polarity.LowIsGood, Direction.Worse)]
    [InlineData(60.0, 59.0, 60.9, 62.8, 61.0, 64.6, Polarity.HighIsGood, Direction.Worse)]
    [InlineData(66.0, 64.6, 67.0, 62.8, 61.0, 64.6, Polarity.HighIsGood, Direction.NoRealChange)] // touching limits overlap
    [InlineData(66.0, 65.0, 67.0, 62.8, 61.0, 64.6, Polarity.None, Direction.NotDetermined)]
    public void Intervals_apart_are_a_real_change_in_the_direction_polarity_says(
        double now, double nowLow, double nowHigh, double before, double beforeLow, double beforeHigh, Polarity polarity, Direction expected)
    {
        var rating = DirectionOfTravel.Compute(
            (decimal)now, (decimal)before, polarity, NoRealChangeRule.Significance, Percent, false,
            Ci((decimal)nowLow, (decimal)nowHigh), Ci((decimal)beforeLow, (decimal)beforeHigh));

        rating.Direction.Should().Be(expected);
        if (expected is Direction.Improved or Direction.Worse)
        {
            rating.Explanation.Should().Contain("do not overlap, so this is a significant change");
        }
    }

    [Fact]
    public void Without_limits_on_both_sides_the_default_rule_decides_and_says_why()
    {
        var rating = DirectionOfTravel.Compute(77.5m, 77.4m, Polarity.HighIsGood, NoRealChangeRule.Significance, Percent, false, Ci(76.0m, 79.0m), null);

        rating.Direction.Should().Be(Direction.Improved);
        rating.Explanation.Should().EndWith("(No 95% confidence limits for both periods, so the default rule applies.)");
    }

    [Theory]
    // numerator, denominator, Wilson lower and upper (proportions, checked against the closed form by hand)
    [InlineData(50, 100, 0.4038, 0.5962)]
    [InlineData(0, 20, 0.0, 0.1611)]
    [InlineData(20, 20, 0.8389, 1.0)]
    [InlineData(1, 10, 0.0179, 0.4042)]
    public void Wilson_score_interval(double numerator, double denominator, double lower, double upper)
    {
        var (l, u) = ConfidenceInterval.Wilson(numerator, denominator);
        l.Should().BeApproximately(lower, 0.0001);
        u.Should().BeApproximately(upper, 0.0001);
    }

    [Fact]
    public void Limits_follow_from_a_numerator_and_denominator_when_none_are_published()
    {
        var interval = ConfidenceInterval.Of(null, null, 500m, 1000m, 100m)!;
        interval.Source.Should().Be(IntervalSource.WilsonScore);
        ((double)interval.Lower).Should().BeApproximately(46.91, 0.01);
        ((double)interval.Upper).Should().BeApproximately(53.09, 0.01);

        var published = ConfidenceInterval.Of(61.0m, 64.6m, 500m, 1000m, 100m)!;
        published.Source.Should().Be(IntervalSource.Published, "published limits win over ones worked out");
        ConfidenceInterval.Of(null, 64.6m, null, 1000m, 100m).Should().BeNull();
    }

    [Fact]
    public void The_rule_reads_and_writes_as_significance()
    {
        NoRealChangeRule.TryParse("significance", out var rule).Should().BeTrue();
        rule.Kind.Should().Be(NoRealChangeKind.Significance);
        rule.Code.Should().Be("significance");
    }
}
