using LeicsPerformance.Domain.Periods;

namespace LeicsPerformance.Domain.Tests.Periods;

public class DatasetPeriodTests
{
    [Theory]
    // as the ONS files write them, the mapping's kind, the app's period code, the note
    [InlineData("2004-01-01T00:00:00/P1Y", "calendar-year", "CY2004", null)]
    [InlineData("2015", "calendar-year", "CY2015", null)]
    [InlineData("2015-11-16T00:00:00/P1Y", "calendar-year", "CY2015", "12 months from November 2015")]
    [InlineData("2015-09-01T00:00:00/P1Y", "academic-year", "AY2015", null)]
    [InlineData("2006-08-01T00:00:00/P1Y", "academic-year", "AY2006", null)]
    [InlineData("2011-2012", "financial-year", "FY2011", null)]
    [InlineData("2011-01-01T00:00:00/P3Y", "three-year", "CY2013", "2011-13")]
    [InlineData("2002-04", "month", "CY2002", "April 2002")]
    [InlineData("2024-09-30T00:00:00", "date", "D2024-09-30", null)]
    public void Reads_published_period_labels(string text, string kind, string code, string? note)
    {
        DatasetPeriod.TryConvert(text, kind, out var period, out var n).Should().BeTrue();
        period.Code.Should().Be(code);
        n.Should().Be(note);
    }

    [Theory]
    [InlineData("2011-2013", "financial-year")] // not consecutive years
    [InlineData("2011-01-01T00:00:00/P3Y", "calendar-year")] // a pooled period is not one year
    [InlineData("2024-13", "month")]
    [InlineData("2024-02-30T00:00:00", "date")]
    [InlineData("twenty", "calendar-year")]
    [InlineData("", "calendar-year")]
    public void Refuses_what_does_not_fit_the_kind(string text, string kind)
    {
        DatasetPeriod.TryConvert(text, kind, out _, out _).Should().BeFalse();
    }
}
