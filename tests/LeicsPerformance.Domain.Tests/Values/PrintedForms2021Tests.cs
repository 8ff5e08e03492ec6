using LeicsPerformance.Domain.Periods;
using LeicsPerformance.Domain.Ratings;
using LeicsPerformance.Domain.Tests.TestData;
using LeicsPerformance.Domain.Values;

namespace LeicsPerformance.Domain.Tests.Values;

/// <summary>The forms the council printed in its 2021/22 compendium (Cabinet, 25 November 2022), read from the real rows.</summary>
public class PrintedForms2021Tests
{
    private static IReadOnlyList<IReadOnlyDictionary<string, string>> Rows => SampleData.Compendium2021Rows;

    private static IReadOnlyDictionary<string, string> Row(string descriptionStart) =>
        Rows.Single(r => r["description"].StartsWith(descriptionStart, StringComparison.Ordinal));

    [Fact]
    public void Every_printed_quartile_value_and_marker_of_2021_22_is_read()
    {
        Rows.Should().HaveCount(243);
        foreach (var row in Rows)
        {
            ReportedQuartile.TryParse(row["quartile"], out _).Should().BeTrue(row["description"] + ": " + row["quartile"]);
            PrintedValue.TryParse(row["current"], out _, out var currentError).Should().BeTrue(currentError);
            PrintedValue.TryParse(row["previous"], out _, out var previousError).Should().BeTrue(previousError);
            DirectionText.TryParse(row["direction"], out _).Should().BeTrue(row["direction"]);
            Markers.TryParse(row["marker"], out _).Should().BeTrue(row["marker"]);
        }
    }

    [Theory]
    // "4th*": the asterisk points to the footnote "Quartiles calculated using … 2021/22 draft outturn"
    [InlineData("Net expenditure per head of population", 4, 4, null, true)]
    [InlineData("Public Health - expenditure per head", 2, 2, null, true)]
    [InlineData("Highways & Transport - expenditure per head", 3, 3, null, true)]
    // dated by month, by year, by financial year, with a group and a year
    [InlineData("% of Care Homes requiring improvement", 4, 4, "Nov 2021", false)]
    [InlineData("% Out-Of-Work Benefit Claimants", 1, 1, "Aug 2022", false)]
    [InlineData("Core Spending Power per head of population", 4, 4, "2022/23", false)]
    [InlineData("% of providers in early years assessed as good", 4, 4, "Eng. 2022", false)]
    [InlineData("% take-up of free early education by 2 year olds", 4, 4, "Cties. 2022", false)]
    [InlineData("% agree County Council provides value for money", 1, 2, "2022", false)]
    [InlineData("Smoking at time of delivery", 3, 3, "England", false)]
    public void Reads_the_printed_2021_22_quartiles(string description, int best, int worst, string? note, bool footnote)
    {
        ReportedQuartile.TryParse(Row(description)["quartile"], out var quartile).Should().BeTrue();

        quartile!.Best.Should().Be(best);
        quartile.Worst.Should().Be(worst);
        quartile.Note.Should().Be(note);
        quartile.HasFootnote.Should().Be(footnote);
    }

    [Theory]
    [InlineData("1st (2016/17) (Eng.)", 1, "2016/17, England", false)]
    [InlineData("4th* (2021/22)", 4, "2021/22", true)]
    [InlineData("3rd*", 3, null, true)]
    public void Reads_several_notes_and_a_footnote_in_one_quartile(string text, int quartile, string? note, bool footnote)
    {
        ReportedQuartile.TryParse(text, out var read).Should().BeTrue();

        read!.Best.Should().Be(quartile);
        read.Note.Should().Be(note);
        read.HasFootnote.Should().Be(footnote);
    }

    [Theory]
    // The figure's own period, not the column's ("End of Yr 2021/22" / "End of Yr 2020/21")
    [InlineData("Overall satisfaction with the condition of highways", "current", "32.4", "CY2021")]
    [InlineData("Overall satisfaction with the condition of highways", "previous", "37.4", "CY2020")]
    [InlineData("Average vehicle speed - weekday morning peak", "current", "32.5", "CY2020")]
    [InlineData("Total fly-tipping incidents per 1,000 population", "current", "8.6", "FY2020")]
    [InlineData("Total fly-tipping incidents per 1,000 population", "previous", "5.5", "FY2019")]
    [InlineData("Leicestershire rivers (excluding Leicester) are in good ecological", "current", "9.4", "CY2019")]
    [InlineData("Total casualties on Leicestershire roads", "current", "925", "CY2021")]
    public void A_value_printed_with_its_own_period_is_for_that_period(string description, string column, string number, string periodCode)
    {
        PrintedValue.TryParse(Row(description)[column], out var value, out _).Should().BeTrue();

        value.Number.Should().Be(decimal.Parse(number, System.Globalization.CultureInfo.InvariantCulture));
        value.NotePeriod.Should().Be(ReportingPeriod.Parse(periodCode));
    }

    [Theory]
    [InlineData("48.6% (Leics & Rutland)")]
    [InlineData("12.0")]
    [InlineData("5.4 (2016")]
    public void Other_notes_name_no_period(string text)
    {
        PrintedValue.TryParse(text, out var value, out _).Should().BeTrue();

        if (text == "5.4 (2016")
        {
            // a bracket left open by the PDF extraction still names its year
            value.NotePeriod.Should().Be(ReportingPeriod.CalendarYear(2016));
        }
        else
        {
            value.NotePeriod.Should().BeNull();
        }
    }

    [Fact]
    public void Excess_mortality_in_serious_mental_illness_is_a_percentage_above_100()
    {
        var row = Row("Rate of excess under 75 mortality");
        PrintedValue.TryParse(row["previous"], out var previous, out _).Should().BeTrue();

        previous.Number.Should().Be(505.7m);
        previous.HasPercentSign.Should().BeTrue();
    }

    [Theory]
    [InlineData("% of premises with gigabit-capable broadband", Marker.Exceptional)]
    [InlineData("Leicestershire Traded Services operating profit", Marker.PerformanceIssue)]
    [InlineData("Dementia diagnosis rate by GPs", Marker.PerformanceIssue)]
    [InlineData("Number of affordable homes delivered", null)]
    public void Reads_the_officers_markers(string description, Marker? expected)
    {
        Markers.TryParse(Row(description)["marker"], out var marker).Should().BeTrue();

        marker.Should().Be(expected);
    }

    [Fact]
    public void Printed_markers_count_26_ticks_and_5_circles()
    {
        var markers = Rows.Select(r => Markers.TryParse(r["marker"], out var m) ? m : null).ToList();

        markers.Count(m => m == Marker.Exceptional).Should().Be(26);
        markers.Count(m => m == Marker.PerformanceIssue).Should().Be(5);
    }

    [Fact]
    public void The_printed_dash_in_the_direction_column_is_cannot_be_determined()
    {
        DirectionText.TryParse(Row("Average Attainment 8 score (attainment")["direction"], out var direction).Should().BeTrue();

        direction.Should().Be(Direction.NotDetermined);
    }
}
