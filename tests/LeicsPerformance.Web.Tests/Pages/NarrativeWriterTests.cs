using System.Text.RegularExpressions;
using LeicsPerformance.Domain.Ratings;
using LeicsPerformance.Web.Reporting;

namespace LeicsPerformance.Web.Tests.Pages;

public sealed class NarrativeWriterTests
{
    private static List<NarrativeWriter.Item> Items(int improved, int worse, int same, int unknown)
    {
        var items = new List<NarrativeWriter.Item>();
        items.AddRange(Enumerable.Range(1, improved).Select(i => new NarrativeWriter.Item($"Up {i}", Direction.Improved)));
        items.AddRange(Enumerable.Range(1, worse).Select(i => new NarrativeWriter.Item($"Down {i}", Direction.Worse)));
        items.AddRange(Enumerable.Range(1, same).Select(i => new NarrativeWriter.Item($"Flat {i}", Direction.NoRealChange)));
        items.AddRange(Enumerable.Range(1, unknown).Select(i => new NarrativeWriter.Item($"Unknown {i}", Direction.NotDetermined)));
        return items;
    }

    [Fact]
    public void Writes_the_councils_paragraph_with_counts_that_add_up()
    {
        // The printed draft said 15 indicators but its counts (6 + 3 + 4 + 1) made 14; the app's always add up.
        var text = NarrativeWriter.DirectionParagraph(Items(improved: 6, worse: 3, same: 4, unknown: 1));

        text.Should().Be(
            "Looking at the 14 indicators, 6 showed improvement compared to the previous period, while 3 displayed a decline " +
            "in performance and 4 showed no change. The direction of travel could not be determined for 1 indicator. " +
            "The 6 indicators showing improvement are Up 1, Up 2, Up 3, Up 4, Up 5 and Up 6. " +
            "The 3 indicators showing a decline are Down 1, Down 2 and Down 3.");
    }

    [Fact]
    public void Uses_the_singular_for_one_indicator()
    {
        var text = NarrativeWriter.DirectionParagraph([new NarrativeWriter.Item("Number of bus journeys", Direction.Worse)]);

        text.Should().Be(
            "Looking at the 1 indicator, none showed improvement compared to the previous period, while 1 displayed a decline " +
            "in performance. The indicator showing a decline is Number of bus journeys.");
        text.Should().NotContain("1 indicators");
    }

    [Fact]
    public void Never_says_none_showed_no_change()
    {
        var text = NarrativeWriter.DirectionParagraph(Items(improved: 2, worse: 0, same: 0, unknown: 2));

        text.Should().StartWith("Looking at the 4 indicators, 2 showed improvement compared to the previous period, while none displayed a decline in performance.");
        text.Should().Contain("could not be determined for 2 indicators.");
        text.Should().NotContain("none showed no change");
        text.Should().Contain("The 2 indicators showing improvement are Up 1 and Up 2.");
    }

    [Fact]
    public void Says_so_when_no_direction_could_be_determined()
    {
        NarrativeWriter.DirectionParagraph(Items(0, 0, 0, 3)).Should()
            .Be("Looking at the 3 indicators, the direction of travel could not be determined for any of them: there was no previous value to compare with, the definition changed or there is no polarity.");
        NarrativeWriter.DirectionParagraph(Items(0, 0, 0, 1)).Should().Contain("the 1 indicator, the direction of travel could not be determined for it:");
    }

    [Fact]
    public void Has_a_sentence_for_no_indicators() =>
        NarrativeWriter.DirectionParagraph(Array.Empty<NarrativeWriter.Item>()).Should().Be("There are no indicators to summarise.");

    [Theory]
    [InlineData(new string[0], "")]
    [InlineData(new[] { "A" }, "A")]
    [InlineData(new[] { "A", "B" }, "A and B")]
    [InlineData(new[] { "A", "B", "C" }, "A, B and C")]
    [InlineData(new[] { "Highways & Transport", "Culture, Leisure", "Waste" }, "Highways & Transport, Culture, Leisure and Waste")]
    public void Joins_lists_with_commas_and_and(string[] names, string expected) =>
        NarrativeWriter.JoinWithAnd(names).Should().Be(expected);

    [Fact]
    public void Stated_counts_always_add_up_to_the_number_of_indicators()
    {
        for (var improved = 0; improved <= 3; improved++)
        for (var worse = 0; worse <= 3; worse++)
        for (var same = 0; same <= 3; same++)
        for (var unknown = 0; unknown <= 3; unknown++)
        {
            var total = improved + worse + same + unknown;
            if (total == 0 || improved + worse + same == 0)
            {
                continue;
            }

            var text = NarrativeWriter.DirectionParagraph(Items(improved, worse, same, unknown));
            Stated(text, @"^Looking at the (\d+) indicators?, ").Should().Be(total, text);

            // A count not stated is zero ("none" is stated as zero), so the stated counts must make the total.
            var stated = Stated(text, @"(\d+|none) showed improvement") + Stated(text, @"(\d+) displayed a decline")
                + Stated(text, @"(\d+) showed no change") + Stated(text, @"could not be determined for (\d+) indicators?");
            stated.Should().Be(total, text);
            Stated(text, @"(\d+) displayed a decline").Should().Be(worse, text);
            Stated(text, @"(\d+) showed no change").Should().Be(same, text);

            // The named lists hold exactly the indicators counted.
            if (improved > 1)
            {
                text.Should().Contain($"The {improved} indicators showing improvement are ", text);
            }

            Regex.Matches(text, @"Up \d").Count.Should().Be(improved, text);
            Regex.Matches(text, @"Down \d").Count.Should().Be(worse, text);
            Regex.IsMatch(text, @"\b1 indicators\b").Should().BeFalse(text);
            text.Should().NotContain("none showed no change");
        }
    }

    private static int Stated(string text, string pattern)
    {
        var match = Regex.Match(text, pattern);
        return !match.Success || match.Groups[1].Value == "none" ? 0 : int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }
}
