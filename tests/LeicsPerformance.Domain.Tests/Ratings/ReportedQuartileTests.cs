using LeicsPerformance.Domain.Ratings;
using LeicsPerformance.Domain.Tests.TestData;

namespace LeicsPerformance.Domain.Tests.Ratings;

public class ReportedQuartileTests
{
    [Theory]
    // Every distinct quartile string in the 2017/18 sample, as printed
    [InlineData("1st", 1, 1, null, "1st")]
    [InlineData("2nd", 2, 2, null, "2nd")]
    [InlineData("3rd", 3, 3, null, "3rd")]
    [InlineData("4th", 4, 4, null, "4th")]
    [InlineData("1st/2nd", 1, 2, null, "1st/2nd")]
    [InlineData("3rd/4th", 3, 4, null, "3rd/4th")]
    [InlineData("1st (2015/16)", 1, 1, "2015/16", "1st")]
    [InlineData("1st (2016)", 1, 1, "2016", "1st")]
    [InlineData("1st (2016/17)", 1, 1, "2016/17", "1st")]
    [InlineData("1st (2016/17", 1, 1, "2016/17", "1st")]
    [InlineData("1st (2017)", 1, 1, "2017", "1st")]
    [InlineData("1st (2014\u201017)", 1, 1, "2014-17", "1st")]
    [InlineData("1st (Eng.)", 1, 1, "England", "1st")]
    [InlineData("2nd (2015/16)", 2, 2, "2015/16", "2nd")]
    [InlineData("2nd (2016)", 2, 2, "2016", "2nd")]
    [InlineData("2nd (2016/17)", 2, 2, "2016/17", "2nd")]
    [InlineData("2nd (2017)", 2, 2, "2017", "2nd")]
    [InlineData("2nd (Eng.)", 2, 2, "England", "2nd")]
    [InlineData("3rd (2016)", 3, 3, "2016", "3rd")]
    [InlineData("3rd (2016/17)", 3, 3, "2016/17", "3rd")]
    [InlineData("3rd (2017)", 3, 3, "2017", "3rd")]
    [InlineData("3rd (Eng.)", 3, 3, "England", "3rd")]
    [InlineData("4th (2015/16", 4, 4, "2015/16", "4th")]
    [InlineData("4th (2016/17)", 4, 4, "2016/17", "4th")]
    [InlineData("4th (2017)", 4, 4, "2017", "4th")]
    [InlineData("4th (2017/18)", 4, 4, "2017/18", "4th")]
    // Other ways people write them
    [InlineData("4th quartile", 4, 4, null, "4th")]
    [InlineData("2nd to 3rd", 2, 3, null, "2nd/3rd")]
    [InlineData("2nd/1st", 1, 2, null, "1st/2nd")]
    [InlineData("2", 2, 2, null, "2nd")]
    [InlineData(" 1ST (ENG) ", 1, 1, "England", "1st")]
    public void Reads_printed_quartiles(string text, int best, int worst, string? note, string label)
    {
        ReportedQuartile.TryParse(text, out var quartile).Should().BeTrue();

        quartile.Should().NotBeNull();
        quartile!.Best.Should().Be(best);
        quartile.Worst.Should().Be(worst);
        quartile.IsRange.Should().Be(best != worst);
        quartile.Note.Should().Be(note);
        quartile.Label.Should().Be(label);
        quartile.Original.Should().Be(text.Trim());
    }

    [Theory]
    [InlineData("\u2010")]
    [InlineData("-")]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData(null)]
    [InlineData("N/A")]
    [InlineData("na")]
    public void Dash_blank_and_na_mean_no_comparison(string? text)
    {
        ReportedQuartile.TryParse(text, out var quartile).Should().BeTrue();
        quartile.Should().BeNull();
    }

    [Theory]
    [InlineData("5th")]
    [InlineData("0th")]
    [InlineData("top")]
    [InlineData("1st/5th")]
    [InlineData("bottom quartile")]
    [InlineData("12th")]
    public void Rejects_text_that_is_not_a_quartile(string text)
    {
        ReportedQuartile.TryParse(text, out var quartile).Should().BeFalse();
        quartile.Should().BeNull();
    }

    [Theory]
    [InlineData(1, "1st")]
    [InlineData(2, "2nd")]
    [InlineData(3, "3rd")]
    [InlineData(4, "4th")]
    public void Ordinals(int quartile, string expected)
    {
        Wording.Ordinal(quartile).Should().Be(expected);
    }

    [Fact]
    public void Every_quartile_in_the_sample_compendium_parses()
    {
        var rows = SampleData.CompendiumRows;
        var withQuartile = 0;
        foreach (var row in rows)
        {
            ReportedQuartile.TryParse(row.Quartile, out var quartile).Should().BeTrue("{0}: quartile '{1}'", row, row.Quartile);
            if (quartile is not null)
            {
                withQuartile++;
                quartile.Best.Should().BeInRange(1, 4);
                quartile.Worst.Should().BeInRange(quartile.Best, 4);
            }
            else
            {
                row.Quartile.Trim().Should().BeOneOf("", "\u2010");
            }
        }

        withQuartile.Should().Be(rows.Count(r => r.Quartile.Trim() is not ("" or "\u2010")));

        // A range counts at its worse end, so the distribution never flatters; every parsed quartile is counted once.
        var counts = QuartileCounts.Count(rows.Select(r => ReportedQuartile.TryParse(r.Quartile, out var q) ? q?.Worst : null));
        counts.WithQuartile.Should().Be(withQuartile);
        counts.None.Should().Be(rows.Count - withQuartile);
    }
}
