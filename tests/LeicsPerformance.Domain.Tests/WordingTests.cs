using LeicsPerformance.Domain;
using LeicsPerformance.Domain.Ratings;
using LeicsPerformance.Domain.Values;

namespace LeicsPerformance.Domain.Tests;

/// <summary>One way to write each thing; the rows where the app's earlier copies disagreed are here.</summary>
public sealed class WordingTests
{
    private static readonly ValueFormat Percent1 = new(Unit.Percent, 1);

    [Theory]
    [InlineData("48.6", "published", "48.6%")]
    [InlineData("48.6", "provisional", "48.6% (provisional)")]
    [InlineData("48.6", "not comparable", "48.6% (not comparable)")] // the dashboard used to drop "(not comparable)"
    [InlineData(null, "awaited", "Data awaited")] // the import preview used to write the code, "awaited"
    [InlineData(null, "not available", "No data")]
    [InlineData(null, "suppressed", "Suppressed")]
    [InlineData(null, null, "no value")]
    public void A_stored_value_reads_the_same_everywhere(string? number, string? status, string expected) =>
        Wording.Value(Percent1, number is null ? null : decimal.Parse(number, System.Globalization.CultureInfo.InvariantCulture), status).Should().Be(expected);

    [Theory]
    [InlineData("+9%", "9", "+9%")] // SE06 business confidence: a balance, printed with its sign
    [InlineData("9%", "9", "9%")]
    [InlineData("\u22129%", "-9", "\u22129%")]
    [InlineData("+0.2%", "0.2", "0%")] // rounds to nothing: no sign on a zero
    public void A_printed_plus_sign_is_kept(string printed, string number, string expected) =>
        Wording.Value(new ValueFormat(Unit.Percent, 0), decimal.Parse(number, System.Globalization.CultureInfo.InvariantCulture), ValueStatus.Published, printed).Should().Be(expected);

    [Theory]
    [InlineData("1.0m", "1,000.0k")] // GC10: printed in millions beside values in thousands
    [InlineData("1,000.0k", "1,000.0k")]
    [InlineData("at least 900k", "at least 900k")] // not a plain figure: shown as reported
    [InlineData("MTFS", "MTFS")]
    [InlineData("", "")]
    public void A_target_is_written_at_the_rows_scale(string reported, string expected) =>
        Wording.Target(reported, new ValueFormat(Unit.Count, 1, Scale.Thousands)).Should().Be(expected);

    [Theory]
    [InlineData(1, "1st")]
    [InlineData(2, "2nd")]
    [InlineData(3, "3rd")]
    [InlineData(4, "4th")]
    [InlineData(11, "11th")]
    [InlineData(12, "12th")]
    [InlineData(13, "13th")]
    [InlineData(22, "22nd")]
    [InlineData(101, "101st")]
    [InlineData(147, "147th")]
    public void Ordinals(int n, string expected) => Wording.Ordinal(n).Should().Be(expected);

    [Theory]
    [InlineData(4, "4th quartile")]
    [InlineData(null, "No quartile")]
    public void Quartiles(int? quartile, string expected) => Wording.Quartile(quartile).Should().Be(expected);

    [Theory]
    [InlineData(1, "1st quartile (top)")]
    [InlineData(2, "2nd quartile")]
    [InlineData(3, "3rd quartile")]
    [InlineData(4, "4th quartile (bottom)")]
    [InlineData(null, "No quartile")]
    public void Quartiles_in_a_list_say_which_end_is_the_top(int? quartile, string expected) => Wording.QuartileWithEnd(quartile).Should().Be(expected);

    [Theory]
    [InlineData(Direction.Improved, "improved", "Improved")]
    [InlineData(Direction.NoRealChange, "no-real-change", "No real change")]
    [InlineData(Direction.Worse, "worse", "Got worse")]
    [InlineData(Direction.NotDetermined, "not-determined", "Cannot be determined")]
    public void A_direction_has_one_address_form_and_one_wording(Direction direction, string slug, string words)
    {
        direction.Slug().Should().Be(slug);
        Wording.Direction(direction).Should().Be(words);
    }

    [Theory]
    [InlineData(Polarity.HighIsGood, "Higher is better", "Higher is better")]
    [InlineData(Polarity.LowIsGood, "Lower is better", "Lower is better")]
    [InlineData(Polarity.None, "No polarity", "No polarity: neither higher nor lower is better")]
    public void Polarities(Polarity polarity, string brief, string full)
    {
        Wording.Polarity(polarity).Should().Be(brief);
        Wording.PolarityInFull(polarity).Should().Be(full);
    }

    [Theory]
    [InlineData(Direction.Improved, "Improved")]
    [InlineData(Direction.Worse, "Got worse")]
    [InlineData(Direction.NoRealChange, "No real change")]
    [InlineData(Direction.NotDetermined, "Cannot be determined")]
    public void Directions(Direction direction, string expected) => Wording.Direction(direction).Should().Be(expected);

    [Theory]
    [InlineData(TargetStatus.Met, "Target met")]
    [InlineData(TargetStatus.NotMet, "Target not met")]
    public void Target_statuses(TargetStatus status, string expected) => Wording.TargetStatus(status).Should().Be(expected);

    [Theory]
    [InlineData(0, "0 problems")]
    [InlineData(1, "1 problem")]
    [InlineData(1204, "1,204 problems")]
    public void Counts(int n, string expected) => Wording.Count(n, "problem", "problems").Should().Be(expected);

    [Fact]
    public void Dates_are_in_uk_time()
    {
        // 23:30 UTC on 1 July is 00:30 BST on 2 July; in January UK time is UTC.
        var summer = new DateTimeOffset(2025, 7, 1, 23, 30, 0, TimeSpan.Zero);
        Wording.Date(summer).Should().Be("2 July 2025");
        Wording.DateAndTime(summer).Should().Be("2 July 2025 at 00:30");
        Wording.DateAndTime(new DateTimeOffset(2025, 1, 1, 23, 30, 0, TimeSpan.Zero)).Should().Be("1 January 2025 at 23:30");
        Wording.Iso(summer).Should().Be("2025-07-01T23:30:00Z");
    }

    [Theory]
    [InlineData("2017/18", "2017-18")]
    [InlineData("Q1 2021/22", "q1-2021-22")] // the benchmark download used to keep "Q1"
    [InlineData("My return -- final (2).csv", "my-return-final-2-csv")]
    [InlineData("///", "file")]
    public void File_names(string text, string expected) => Wording.FileName(text).Should().Be(expected);

    [Theory]
    [InlineData(Unit.Percent, 1, Scale.None, null, "per cent, 1 decimal place, written like 42.5%")]
    [InlineData(Unit.Currency, 0, Scale.None, null, "pounds (£), whole numbers, written like £43")]
    [InlineData(Unit.Currency, 1, Scale.Millions, null, "pounds (£) in millions, 1 decimal place, written like £42.5m")]
    [InlineData(Unit.Count, 2, Scale.Thousands, null, "count in thousands, 2 decimal places, written like 42.50k")]
    [InlineData(Unit.Rate, 1, Scale.None, 10000, "rate per 10,000, 1 decimal place, written like 42.5")]
    public void How_a_figure_is_written_in_a_return_names_unit_scale_places_and_an_example(Unit unit, int decimals, Scale scale, int? ratePer, string expected) =>
        Wording.HowToWrite(new ValueFormat(unit, decimals, scale, ratePer)).Should().Be(expected);

    [Fact]
    public void The_example_in_how_to_write_reads_back_as_the_same_figure()
    {
        var format = new ValueFormat(Unit.Currency, 1, Scale.Millions);
        var example = Wording.HowToWrite(format).Split("written like ")[1];
        PrintedValue.TryParse(example, out var read, out var error).Should().BeTrue(error);
        read.Number.Should().Be(42_500_000m);
    }
}
