using LeicsPerformance.Domain.Ratings;

namespace LeicsPerformance.Domain.Tests.Ratings;

public sealed class ExceptionRuleTests
{
    [Theory]
    [InlineData(true, 4, Direction.Improved, TargetStatus.Met, ExceptionReasons.BottomQuartile)]
    [InlineData(false, 4, Direction.NotDetermined, TargetStatus.NotAssessable, ExceptionReasons.None)] // "No data": no bottom quartile beside it
    [InlineData(true, 3, Direction.Worse, TargetStatus.NoTarget, ExceptionReasons.Worse)]
    [InlineData(true, null, Direction.Improved, TargetStatus.NotMet, ExceptionReasons.TargetNotMet)]
    [InlineData(true, 4, Direction.Worse, TargetStatus.NotMet, ExceptionReasons.BottomQuartile | ExceptionReasons.Worse | ExceptionReasons.TargetNotMet)]
    [InlineData(true, 1, Direction.NoRealChange, TargetStatus.NotAssessable, ExceptionReasons.None)]
    public void Reasons(bool hasFigure, int? worst, Direction direction, TargetStatus target, ExceptionReasons expected) =>
        ExceptionRule.Reasons(hasFigure, worst, direction, target).Should().Be(expected);
}
