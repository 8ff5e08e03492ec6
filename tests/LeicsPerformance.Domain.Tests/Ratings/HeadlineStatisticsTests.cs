using System.Globalization;
using LeicsPerformance.Domain.Ratings;
using LeicsPerformance.Domain.Tests.TestData;

namespace LeicsPerformance.Domain.Tests.Ratings;

public class HeadlineStatisticsTests
{
    private static IEnumerable<Direction> Directions(int improved, int same, int worse, int unknown) =>
        Enumerable.Repeat(Direction.Improved, improved)
            .Concat(Enumerable.Repeat(Direction.NoRealChange, same))
            .Concat(Enumerable.Repeat(Direction.Worse, worse))
            .Concat(Enumerable.Repeat(Direction.NotDetermined, unknown));

    [Fact]
    public void The_compendium_headline()
    {
        var counts = new DirectionCounts(76, 36, 59, 20);

        counts.Total.Should().Be(191);
        counts.Determined.Should().Be(171);
        counts.Percentages().Should().Be((44, 21, 35));

        var sentence = counts.Sentence();
        sentence.Should().Contain("Out of 191 metrics, 76 improved (44%), 36 saw no real change (21%) and 59 (35%) got worse");
        sentence.Should().Contain("For 20");
    }

    [Fact]
    public void Each_directions_count_and_share_reads_back_from_the_counts_the_tables_list()
    {
        var counts = new DirectionCounts(76, 36, 59, 20);

        counts.Of(Direction.Improved).Should().Be(76);
        counts.Of(Direction.NoRealChange).Should().Be(36);
        counts.Of(Direction.Worse).Should().Be(59);
        counts.Of(Direction.NotDetermined).Should().Be(20);
        counts.PercentOf(Direction.Improved).Should().Be(44);
        counts.PercentOf(Direction.NoRealChange).Should().Be(21);
        counts.PercentOf(Direction.Worse).Should().Be(35);
        counts.PercentOf(Direction.NotDetermined).Should().BeNull("a share is of the determined ones");
        new DirectionCounts(0, 0, 0, 3).PercentOf(Direction.Improved).Should().BeNull("nothing is determined");
    }

    [Fact]
    public void Each_quartiles_count_reads_back_from_the_counts()
    {
        var counts = QuartileCounts.Count([1, 1, 2, 4, 4, 4, null, 7]);

        new[] { counts.Of(1), counts.Of(2), counts.Of(3), counts.Of(4), counts.Of(null) }.Should().Equal(2, 1, 0, 3, 2);
    }

    [Fact]
    public void The_sample_compendiums_printed_arrows_give_the_reports_own_headline()
    {
        // "out of 191 metrics (excluding schools and crime)": leave out the school and police & crime dashboards.
        var rows = SampleData.CompendiumRows
            .Where(r => !r.Theme.Contains("School", StringComparison.Ordinal) && !r.Theme.Contains("Police & Crime", StringComparison.Ordinal))
            .ToList();
        var directions = rows.Select(r => DirectionText.TryParse(r.Direction, out var d) && d is { } direction
            ? direction
            : throw new FormatException($"{r}: direction '{r.Direction}'"));

        var counts = DirectionCounts.Count(directions);

        counts.Should().Be(new DirectionCounts(76, 36, 59, 20));
        counts.Sentence().Should().StartWith("Out of 191 metrics, 76 improved (44%), 36 saw no real change (21%) and 59 (35%) got worse. For 20 ");
    }

    [Theory]
    [InlineData(76, 36, 59, 20)]
    [InlineData(6, 4, 3, 1)] // "Looking at the 15 indicators" — the printed draft's counts add up to 14
    [InlineData(0, 0, 0, 0)]
    [InlineData(1, 0, 0, 0)]
    [InlineData(0, 0, 0, 3)]
    public void Count_sorts_each_direction_into_its_bucket(int improved, int same, int worse, int unknown)
    {
        var counts = DirectionCounts.Count(Directions(improved, same, worse, unknown).Reverse());

        counts.Should().Be(new DirectionCounts(improved, same, worse, unknown));
        counts.Total.Should().Be(improved + same + worse + unknown);
        counts.Determined.Should().Be(improved + same + worse);
    }

    [Theory]
    [InlineData(1, 1, 1, 34, 33, 33)]
    [InlineData(2, 1, 0, 67, 33, 0)]
    [InlineData(1, 1, 0, 50, 50, 0)]
    [InlineData(0, 0, 5, 0, 0, 100)]
    [InlineData(6, 4, 3, 46, 31, 23)]
    [InlineData(1, 2, 4, 14, 29, 57)]
    public void Percentages_use_largest_remainders(int improved, int same, int worse, int pi, int ps, int pw)
    {
        new DirectionCounts(improved, same, worse, 0).Percentages().Should().Be((pi, ps, pw));
    }

    [Fact]
    public void Percentages_always_add_up_to_100_and_stay_within_one_point_of_the_exact_share()
    {
        var random = new Random(20180331);
        for (var i = 0; i < 5000; i++)
        {
            var improved = random.Next(0, 300);
            var same = random.Next(0, i % 7 == 0 ? 3 : 300);
            var worse = random.Next(0, 300);
            var unknown = random.Next(0, 50);
            if (improved + same + worse == 0)
            {
                continue;
            }

            var counts = new DirectionCounts(improved, same, worse, unknown);
            var (pi, ps, pw) = counts.Percentages();

            (pi + ps + pw).Should().Be(100, "counts {0}", counts);
            foreach (var (count, percent) in new[] { (improved, pi), (same, ps), (worse, pw) })
            {
                var exact = count * 100m / counts.Determined;
                percent.Should().BeInRange((int)Math.Floor(exact), (int)Math.Ceiling(exact), "counts {0}", counts);
            }
        }
    }

    [Fact]
    public void No_metrics_at_all()
    {
        var counts = new DirectionCounts(0, 0, 0, 0);

        counts.Total.Should().Be(0);
        counts.Percentages().Should().Be((0, 0, 0));
        counts.Sentence().Should().Be("There are no metrics for this period.");
        counts.Sentence("indicators").Should().Be("There are no indicators for this period.");
    }

    [Fact]
    public void None_determined()
    {
        var counts = new DirectionCounts(0, 0, 0, 4);

        counts.Percentages().Should().Be((0, 0, 0));
        counts.Sentence().Should().Be("Out of 4 metrics, none has a direction of travel that can be determined.");
    }

    [Fact]
    public void All_determined_has_no_cannot_be_determined_clause()
    {
        var sentence = new DirectionCounts(6, 4, 3, 0).Sentence("indicators");

        sentence.Should().Be("Out of 13 indicators, 6 improved (46%), 4 saw no real change (31%) and 3 (23%) got worse.");
    }

    [Fact]
    public void The_compendium_quartile_sentence()
    {
        var quartiles = Enumerable.Repeat<int?>(1, 38)
            .Concat(Enumerable.Repeat<int?>(2, 54))
            .Concat(Enumerable.Repeat<int?>(3, 25))
            .Concat(Enumerable.Repeat<int?>(4, 27))
            .Concat(Enumerable.Repeat<int?>(null, 10));

        var counts = QuartileCounts.Count(quartiles);

        counts.Should().Be(new QuartileCounts(38, 54, 25, 27, 10));
        counts.WithQuartile.Should().Be(144);
        counts.Sentence().Should().Be("Out of 144 indicators with a quartile position, 38 are top quartile, 54 second quartile, 25 third quartile and 27 fourth quartile.");
    }

    [Theory]
    [InlineData("1,2,2,4,,3", 1, 2, 1, 1, 1)]
    [InlineData(",,", 0, 0, 0, 0, 3)]
    [InlineData("0,5,-1,4", 0, 0, 0, 1, 3)]
    [InlineData("", 0, 0, 0, 0, 0)]
    public void QuartileCounts_treats_anything_outside_one_to_four_as_none(string spec, int first, int second, int third, int fourth, int none)
    {
        var quartiles = spec.Length == 0
            ? []
            : spec.Split(',').Select(s => s.Length == 0 ? (int?)null : int.Parse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture)).ToList();

        QuartileCounts.Count(quartiles).Should().Be(new QuartileCounts(first, second, third, fourth, none));
    }

    [Fact]
    public void No_quartiles()
    {
        new QuartileCounts(0, 0, 0, 0, 5).Sentence().Should().Be("None of the indicators has a quartile position.");
    }
}

public sealed class HeadlineSentenceGrammarTests
{
    [Fact]
    public void One_metric_is_singular()
    {
        new DirectionCounts(1, 0, 0, 0).Sentence().Should().StartWith("Out of 1 metric, 1 improved (100%)");
        new QuartileCounts(1, 0, 0, 0, 0).Sentence().Should().StartWith("Out of 1 indicator with a quartile position");
    }
}
