using LeicsPerformance.Domain.Ratings;

namespace LeicsPerformance.Domain.Tests.Ratings;

public class MarkersTests
{
    [Theory]
    // direction, quartile, target status, expected marker, explanation fragment — default rule
    [InlineData(Direction.Worse, 4, TargetStatus.NoTarget, Marker.PerformanceIssue, "bottom quartile and got worse")]
    [InlineData(Direction.Worse, 4, TargetStatus.NotMet, Marker.PerformanceIssue, "bottom quartile and got worse")]
    [InlineData(Direction.Worse, 3, TargetStatus.NotMet, Marker.PerformanceIssue, "target not met and got worse")]
    [InlineData(Direction.Worse, null, TargetStatus.NotMet, Marker.PerformanceIssue, "target not met and got worse")]
    [InlineData(Direction.Worse, 3, TargetStatus.Met, Marker.None, "")]
    [InlineData(Direction.Worse, 3, TargetStatus.NotAssessable, Marker.None, "")]
    [InlineData(Direction.Worse, null, TargetStatus.NoTarget, Marker.None, "")]
    [InlineData(Direction.Worse, 1, TargetStatus.NoTarget, Marker.None, "")]
    [InlineData(Direction.Improved, 1, TargetStatus.NoTarget, Marker.Exceptional, "top quartile and improved")]
    [InlineData(Direction.Improved, 1, TargetStatus.NotMet, Marker.Exceptional, "top quartile and improved")]
    [InlineData(Direction.Improved, 2, TargetStatus.Met, Marker.None, "")] // target-met tick is off by default
    [InlineData(Direction.Improved, 4, TargetStatus.NoTarget, Marker.None, "")]
    [InlineData(Direction.NoRealChange, 4, TargetStatus.NotMet, Marker.None, "")]
    [InlineData(Direction.NoRealChange, 1, TargetStatus.Met, Marker.None, "")]
    [InlineData(Direction.NotDetermined, 4, TargetStatus.NotMet, Marker.None, "")]
    [InlineData(Direction.NotDetermined, 1, TargetStatus.Met, Marker.None, "")]
    public void Default_rule(Direction direction, int? quartile, TargetStatus target, Marker expected, string because)
    {
        var rating = Markers.Evaluate(direction, quartile, target, MarkerRule.Default);

        rating.Marker.Should().Be(expected);
        if (expected == Marker.None)
        {
            rating.Explanation.Should().BeEmpty();
        }
        else
        {
            rating.Explanation.Should().Contain(because).And.StartWith(expected == Marker.PerformanceIssue ? "Performance issue" : "Exceptional");
        }
    }

    [Theory]
    [InlineData(Direction.Worse, 4, TargetStatus.NoTarget, Marker.None)]
    [InlineData(Direction.Worse, 4, TargetStatus.NotMet, Marker.PerformanceIssue)]
    [InlineData(Direction.Improved, 2, TargetStatus.Met, Marker.Exceptional)]
    [InlineData(Direction.Improved, 1, TargetStatus.NoTarget, Marker.None)]
    [InlineData(Direction.Improved, 1, TargetStatus.Met, Marker.Exceptional)]
    public void Rules_are_configurable(Direction direction, int? quartile, TargetStatus target, Marker expected)
    {
        var rule = MarkerRule.Default with
        {
            IssueWhenBottomQuartileAndWorse = false,
            ExceptionalWhenTopQuartileAndImproved = false,
            ExceptionalWhenTargetMetAndImproved = true,
        };

        Markers.Evaluate(direction, quartile, target, rule).Marker.Should().Be(expected);
    }

    [Fact]
    public void With_every_rule_off_nothing_is_marked()
    {
        var off = new MarkerRule
        {
            IssueWhenBottomQuartileAndWorse = false,
            IssueWhenTargetMissedAndWorse = false,
            ExceptionalWhenTopQuartileAndImproved = false,
            ExceptionalWhenTargetMetAndImproved = false,
        };

        foreach (var direction in Enum.GetValues<Direction>())
        {
            foreach (var quartile in new int?[] { null, 1, 2, 3, 4 })
            {
                foreach (var target in Enum.GetValues<TargetStatus>())
                {
                    Markers.Evaluate(direction, quartile, target, off).Marker.Should().Be(Marker.None);
                }
            }
        }
    }

    [Fact]
    public void Default_rule_settings()
    {
        MarkerRule.Default.IssueWhenBottomQuartileAndWorse.Should().BeTrue();
        MarkerRule.Default.IssueWhenTargetMissedAndWorse.Should().BeTrue();
        MarkerRule.Default.ExceptionalWhenTopQuartileAndImproved.Should().BeTrue();
        MarkerRule.Default.ExceptionalWhenTargetMetAndImproved.Should().BeFalse();
    }

    [Theory]
    [InlineData(Marker.None, "none", "")]
    [InlineData(Marker.PerformanceIssue, "performanceIssue", "Performance issue")]
    [InlineData(Marker.Exceptional, "exceptional", "Exceptional performance")]
    public void Markers_read_as_words_not_colour(Marker marker, string code, string words)
    {
        marker.ToCode().Should().Be(code);
        marker.Words().Should().Be(words);
    }
}
