using System.Globalization;
using LeicsPerformance.Domain.Ratings;
using LeicsPerformance.Domain.Tests.TestData;
using LeicsPerformance.Domain.Values;

namespace LeicsPerformance.Domain.Tests.Ratings;

public class QuartilePositionTests
{
    private static readonly ValueFormat Pounds = new(Unit.Currency, 0);

    /// <summary>"A:10,B:9" → benchmark values with area code = name.</summary>
    private static List<BenchmarkValue> Values(string spec) =>
        spec.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split(':'))
            .Select(p => new BenchmarkValue(p[0], p[0], decimal.Parse(p[1], NumberStyles.Number | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture)))
            .ToList();

    private static int[] Ints(string csv) => csv.Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();

    [Theory]
    [InlineData("A:10,B:9,C:9,D:8", Polarity.HighIsGood, "A,B,C,D", "1,2,2,4")]
    [InlineData("D:8,C:9,A:10,B:9", Polarity.HighIsGood, "A,B,C,D", "1,2,2,4")]
    [InlineData("A:10,B:9,C:9,D:8", Polarity.LowIsGood, "D,B,C,A", "1,2,2,4")]
    [InlineData("A:5,B:5,C:5,D:5", Polarity.HighIsGood, "A,B,C,D", "1,1,1,1")]
    [InlineData("A:1,B:2,C:3,D:4,E:5,F:6,G:7,H:8", Polarity.LowIsGood, "A,B,C,D,E,F,G,H", "1,2,3,4,5,6,7,8")]
    [InlineData("A:-1,B:0,C:1,D:1", Polarity.HighIsGood, "C,D,B,A", "1,1,3,4")]
    public void Ranks_best_first_with_ties_sharing_the_better_rank(string spec, Polarity polarity, string order, string ranks)
    {
        var rating = QuartilePosition.Compute(Values(spec), "A", polarity, "councils", Pounds);

        rating.Ranking.Select(r => r.AreaCode).Should().Equal(order.Split(','));
        rating.Ranking.Select(r => r.Rank).Should().Equal(Ints(ranks));
        rating.GroupSize.Should().Be(spec.Split(',').Length);
    }

    [Theory]
    [InlineData(1, 4, 1)]
    [InlineData(2, 4, 2)]
    [InlineData(4, 4, 4)]
    [InlineData(6, 27, 1)] // 22% of positions
    [InlineData(7, 27, 2)] // 25.9%: just outside the top quarter
    [InlineData(13, 27, 2)]
    [InlineData(14, 27, 3)]
    [InlineData(20, 27, 3)]
    [InlineData(21, 27, 4)]
    [InlineData(27, 27, 4)]
    [InlineData(1, 150, 1)]
    [InlineData(37, 150, 1)]
    [InlineData(38, 150, 2)]
    [InlineData(75, 150, 2)]
    [InlineData(76, 150, 3)]
    [InlineData(112, 150, 3)]
    [InlineData(113, 150, 4)]
    [InlineData(147, 150, 4)]
    [InlineData(150, 150, 4)]
    [InlineData(0, 0, 0)]
    public void QuartileOf_is_the_ceiling_of_four_r_over_n(int rank, int n, int expected)
    {
        QuartilePosition.QuartileOf(rank, n).Should().Be(expected);
    }

    [Fact]
    public void QuartileOf_every_rank_is_one_to_four_and_never_gets_better_as_rank_falls()
    {
        for (var n = 1; n <= 200; n++)
        {
            var previous = 1;
            for (var r = 1; r <= n; r++)
            {
                var q = QuartilePosition.QuartileOf(r, n);
                q.Should().BeInRange(1, 4);
                q.Should().BeGreaterThanOrEqualTo(previous);
                previous = q;

                // Quartile q holds the ranks in the q-th quarter of positions: (q-1)/4 < r/n <= q/4.
                (4m * r / n).Should().BeGreaterThan(q - 1).And.BeLessThanOrEqualTo(q);
            }

            if (n >= 4)
            {
                QuartilePosition.QuartileOf(1, n).Should().Be(1);
            }

            QuartilePosition.QuartileOf(n, n).Should().Be(4);
        }
    }

    [Fact]
    public void Explains_rank_group_polarity_and_quartile()
    {
        var rating = QuartilePosition.Compute(Values("A:10,B:9,C:9,D:8"), "B", Polarity.HighIsGood, "county councils", Pounds);

        rating.Quartile.Should().Be(2);
        rating.Rank.Should().Be(2);
        rating.Explanation.Should().Be("£9 ranks 2 of 4 county councils (higher is better): 2nd quartile.");
    }

    [Fact]
    public void Tied_comparators_share_a_quartile()
    {
        // Eight values; ranks 2 and 3 are tied, so both are in the 1st quartile (rank 2 of 8).
        var values = Values("A:80,B:70,C:70,D:60,E:50,F:40,G:30,H:20");

        var c = QuartilePosition.Compute(values, "C", Polarity.HighIsGood, "councils", Pounds);

        c.Rank.Should().Be(2);
        c.Quartile.Should().Be(1);
        c.Ranking.Single(r => r.AreaCode == "B").Quartile.Should().Be(1);
    }

    [Theory]
    [InlineData("A:10,B:9,C:8", "A")]
    [InlineData("A:10", "A")]
    public void Fewer_than_four_comparators_gives_no_quartile(string spec, string area)
    {
        var rating = QuartilePosition.Compute(Values(spec), area, Polarity.HighIsGood, "councils", Pounds);

        rating.Quartile.Should().BeNull();
        rating.Rank.Should().Be(1);
        rating.Boundaries.Should().BeEmpty();
        rating.Explanation.Should().Contain("quartiles need at least 4");
    }

    [Fact]
    public void No_polarity_gives_a_rank_but_no_quartile()
    {
        var rating = QuartilePosition.Compute(Values("A:10,B:9,C:8,D:7,E:6"), "C", Polarity.None, "councils", Pounds);

        rating.Quartile.Should().BeNull();
        rating.Rank.Should().Be(3);
        rating.Explanation.Should().Contain("£8").And.Contain("no quartile");
    }

    [Fact]
    public void An_area_with_no_value_has_no_rank_and_no_quartile()
    {
        var rating = QuartilePosition.Compute(Values("A:10,B:9,C:8,D:7,E:6"), "Z", Polarity.HighIsGood, "councils", Pounds);

        rating.Quartile.Should().BeNull();
        rating.Rank.Should().BeNull();
        rating.GroupSize.Should().Be(5);
        rating.Ranking.Should().HaveCount(5);
        rating.Explanation.Should().Contain("No value for this area among the 5 councils");
    }

    [Fact]
    public void An_empty_group_has_no_quartile()
    {
        var rating = QuartilePosition.Compute([], "A", Polarity.HighIsGood, "councils", Pounds);

        rating.Quartile.Should().BeNull();
        rating.GroupSize.Should().Be(0);
    }

    [Theory]
    [InlineData("A:8,B:7,C:6,D:5,E:4,F:3,G:2,H:1", Polarity.HighIsGood, "7,5,3")]
    [InlineData("A:8,B:7,C:6,D:5,E:4,F:3,G:2,H:1", Polarity.LowIsGood, "2,4,6")]
    [InlineData("A:4,B:3,C:2,D:1", Polarity.HighIsGood, "4,3,2")]
    public void Boundaries_are_the_last_value_in_each_of_the_first_three_quartiles(string spec, Polarity polarity, string expected)
    {
        var rating = QuartilePosition.Compute(Values(spec), "A", polarity, "councils", Pounds);

        rating.Boundaries.Should().Equal(Ints(expected).Select(i => (decimal)i));
    }

    private static List<BenchmarkValue> SpendingPower(bool countyCouncilsOnly) =>
        SampleData.SpendingPower
            .Where(r => !countyCouncilsOnly || r.CountyCouncil)
            .Select(r => new BenchmarkValue(r.Authority, r.Authority, r.CspPerHead))
            .ToList();

    [Fact]
    public void Spending_power_file_reads_all_150_authorities_including_names_with_commas()
    {
        var rows = SampleData.SpendingPower;

        rows.Should().HaveCount(150);
        rows.Count(r => r.CountyCouncil).Should().Be(27);
        rows.Select(r => r.Authority).Should().OnlyHaveUniqueItems()
            .And.Contain("Kingston upon Hull, City of")
            .And.Contain("Herefordshire, County of")
            .And.Contain("Bristol, City of");
        rows.Single(r => r.Authority == "Leicestershire").CspPerHead.Should().Be(677m);
    }

    [Theory]
    [InlineData(false, 147, 150, "upper-tier authorities")]
    [InlineData(true, 27, 27, "county councils")]
    public void Leicestershire_core_spending_power_is_bottom_quartile(bool countyCouncilsOnly, int rank, int size, string group)
    {
        var rating = QuartilePosition.Compute(SpendingPower(countyCouncilsOnly), "Leicestershire", Polarity.HighIsGood, group, Pounds);

        rating.Rank.Should().Be(rank);
        rating.GroupSize.Should().Be(size);
        rating.Quartile.Should().Be(4);
        rating.Explanation.Should().Be(string.Create(CultureInfo.InvariantCulture, $"£677 ranks {rank} of {size} {group} (higher is better): 4th quartile."));
    }

    [Fact]
    public void Computed_ranks_match_chart_1_wherever_the_printed_value_is_not_tied()
    {
        // Chart 1 orders tied (rounded) values by their unrounded amounts; the app gives ties the better rank.
        var rating = QuartilePosition.Compute(SpendingPower(false), "Leicestershire", Polarity.HighIsGood, "authorities", Pounds);
        var tied = SampleData.SpendingPower.GroupBy(r => r.CspPerHead).Where(g => g.Count() > 1).SelectMany(g => g).Select(r => r.Authority).ToHashSet();
        var byName = rating.Ranking.ToDictionary(r => r.AreaName);

        tied.Should().NotBeEmpty();
        foreach (var row in SampleData.SpendingPower)
        {
            var computed = byName[row.Authority];
            if (tied.Contains(row.Authority))
            {
                computed.Rank.Should().BeLessThanOrEqualTo(row.PrintedRank, row.Authority);
            }
            else
            {
                computed.Rank.Should().Be(row.PrintedRank, row.Authority);
            }
        }
    }
}
