using LeicsPerformance.Domain.Periods;
using LeicsPerformance.Domain.Ratings;
using LeicsPerformance.Domain.Values;

namespace LeicsPerformance.Domain.Tests;

/// <summary>
/// The codes the typed catalogue and values are stored under: exactly the text the schema's check constraints name
/// and the database holds today. Every value writes its code and reads back from it; a code that is none of them is
/// reported, naming it, never read as a default.
/// </summary>
public class StoredCodeTests
{
    [Theory]
    [InlineData(ValueStatus.Published, "published")]
    [InlineData(ValueStatus.Provisional, "provisional")]
    [InlineData(ValueStatus.Awaited, "awaited")]
    [InlineData(ValueStatus.NotAvailable, "not available")]
    [InlineData(ValueStatus.NotComparable, "not comparable")]
    [InlineData(ValueStatus.Suppressed, "suppressed")]
    public void Value_status(ValueStatus status, string code)
    {
        status.ToCode().Should().Be(code);
        ValueStatusText.FromCode(code).Should().Be(status);
    }

    [Theory]
    [InlineData(Polarity.HighIsGood, "high")]
    [InlineData(Polarity.LowIsGood, "low")]
    [InlineData(Polarity.None, "none")]
    public void Polarity_(Polarity polarity, string code)
    {
        polarity.ToCode().Should().Be(code);
        PolarityText.FromCode(code).Should().Be(polarity);
    }

    [Theory]
    [InlineData(Unit.Number, "number")]
    [InlineData(Unit.Count, "count")]
    [InlineData(Unit.Currency, "currency")]
    [InlineData(Unit.Percent, "percent")]
    [InlineData(Unit.Rate, "rate")]
    [InlineData(Unit.Ratio, "ratio")]
    [InlineData(Unit.Score, "score")]
    public void Unit_(Unit unit, string code)
    {
        ValueFormat.UnitCode(unit).Should().Be(code);
        ValueFormat.UnitFromCode(code).Should().Be(unit);
    }

    [Theory]
    [InlineData(Scale.None, "none")]
    [InlineData(Scale.Thousands, "thousands")]
    [InlineData(Scale.Millions, "millions")]
    [InlineData(Scale.Billions, "billions")]
    public void Scale_(Scale scale, string code)
    {
        ValueFormat.ScaleCode(scale).Should().Be(code);
        ValueFormat.ScaleFromCode(code).Should().Be(scale);
    }

    [Theory]
    [InlineData(Frequency.Annual, "annual")]
    [InlineData(Frequency.Quarterly, "quarterly")]
    public void Frequency_(Frequency frequency, string code)
    {
        frequency.ToCode().Should().Be(code);
        FrequencyText.FromCode(code).Should().Be(frequency);
    }

    [Theory]
    [InlineData(Direction.Improved, "improved")]
    [InlineData(Direction.NoRealChange, "noRealChange")]
    [InlineData(Direction.Worse, "worse")]
    [InlineData(Direction.NotDetermined, "notDetermined")]
    public void Officers_direction(Direction direction, string code)
    {
        // The codes indicator_assessment.officer_direction's check constraint names.
        direction.ToCode().Should().Be(code);
        DirectionText.FromCode(code).Should().Be(direction);
    }

    [Theory]
    [InlineData(Marker.None, "none")]
    [InlineData(Marker.PerformanceIssue, "performanceIssue")]
    [InlineData(Marker.Exceptional, "exceptional")]
    public void Officers_marker(Marker marker, string code)
    {
        marker.ToCode().Should().Be(code);
        Markers.FromCode(code).Should().Be(marker);
    }

    [Theory]
    [InlineData(PeriodKind.FinancialYear, "FinancialYear")]
    [InlineData(PeriodKind.FinancialQuarter, "FinancialQuarter")]
    [InlineData(PeriodKind.CalendarYear, "CalendarYear")]
    [InlineData(PeriodKind.AcademicYear, "AcademicYear")]
    [InlineData(PeriodKind.PointDate, "PointDate")]
    public void Period_kind(PeriodKind kind, string code)
    {
        // reporting_period.kind has always held the enum's name.
        kind.ToCode().Should().Be(code).And.Be(kind.ToString());
        PeriodKindText.FromCode(code).Should().Be(kind);
    }

    [Fact]
    public void Every_enum_value_has_a_code_of_its_own_that_reads_back()
    {
        RoundTrips<ValueStatus>(s => s.ToCode(), ValueStatusText.FromCode);
        RoundTrips<Polarity>(p => p.ToCode(), PolarityText.FromCode);
        RoundTrips<Unit>(ValueFormat.UnitCode, ValueFormat.UnitFromCode);
        RoundTrips<Scale>(ValueFormat.ScaleCode, ValueFormat.ScaleFromCode);
        RoundTrips<Frequency>(f => f.ToCode(), FrequencyText.FromCode);
        RoundTrips<Direction>(d => d.ToCode(), DirectionText.FromCode);
        RoundTrips<Marker>(m => m.ToCode(), Markers.FromCode);
        RoundTrips<PeriodKind>(k => k.ToCode(), PeriodKindText.FromCode);
    }

    [Theory]
    [InlineData("same-when-rounded", NoRealChangeKind.SameWhenRounded, "0")]
    [InlineData("significance", NoRealChangeKind.Significance, "0")]
    [InlineData("absolute:0.5", NoRealChangeKind.AbsoluteTolerance, "0.5")]
    [InlineData("relative:1%", NoRealChangeKind.RelativeTolerance, "1")]
    [InlineData("relative:2.5%", NoRealChangeKind.RelativeTolerance, "2.5")]
    public void No_real_change_rule(string code, NoRealChangeKind kind, string tolerance)
    {
        var rule = NoRealChangeRule.FromCode(code);
        rule.Kind.Should().Be(kind);
        rule.Tolerance.Should().Be(decimal.Parse(tolerance, System.Globalization.CultureInfo.InvariantCulture));
        rule.Code.Should().Be(code);
    }

    [Theory]
    [InlineData("Published")]
    [InlineData("final")]
    [InlineData("")]
    [InlineData("not_comparable")]
    public void A_status_that_is_not_a_stored_code_is_corrupt_data_named_in_the_message(string code)
    {
        // The lenient reader of files accepts some of these; a stored code must be exactly one ToCode writes.
        var read = () => ValueStatusText.FromCode(code);
        read.Should().Throw<FormatException>().WithMessage($"*'{code}'*");
    }

    [Fact]
    public void Unknown_codes_of_every_concept_fail_naming_the_code()
    {
        ((Func<Polarity>)(() => PolarityText.FromCode("HIGH"))).Should().Throw<FormatException>().WithMessage("*Polarity*'HIGH'*");
        ((Func<Unit>)(() => ValueFormat.UnitFromCode("pounds"))).Should().Throw<FormatException>().WithMessage("*'pounds'*");
        ((Func<Scale>)(() => ValueFormat.ScaleFromCode("k"))).Should().Throw<FormatException>().WithMessage("*'k'*");
        ((Func<Frequency>)(() => FrequencyText.FromCode("monthly"))).Should().Throw<FormatException>().WithMessage("*'monthly'*");
        ((Func<NoRealChangeRule>)(() => NoRealChangeRule.FromCode("sometimes"))).Should().Throw<FormatException>().WithMessage("*'sometimes'*");
        ((Func<NoRealChangeRule>)(() => NoRealChangeRule.FromCode(string.Empty))).Should().Throw<FormatException>();
        ((Func<Direction>)(() => DirectionText.FromCode("↑"))).Should().Throw<FormatException>().WithMessage("*Direction*'↑'*");
        ((Func<Marker>)(() => Markers.FromCode("tick"))).Should().Throw<FormatException>().WithMessage("*Marker*'tick'*");
        ((Func<PeriodKind>)(() => PeriodKindText.FromCode("financialYear"))).Should().Throw<FormatException>().WithMessage("*PeriodKind*'financialYear'*");
    }

    [Theory]
    [InlineData("", Frequency.Annual)]
    [InlineData("annual", Frequency.Annual)]
    [InlineData("Quarterly", Frequency.Quarterly)]
    public void The_catalogue_reads_a_frequency_in_any_case_and_blank_as_annual(string text, Frequency expected)
    {
        FrequencyText.TryParse(text, out var frequency).Should().BeTrue();
        frequency.Should().Be(expected);
        FrequencyText.TryParse("monthly", out _).Should().BeFalse();
    }

    private static void RoundTrips<T>(Func<T, string> toCode, Func<string, T> fromCode)
        where T : struct, Enum
    {
        var codes = Enum.GetValues<T>().Select(toCode).ToList();
        codes.Should().OnlyHaveUniqueItems();
        Enum.GetValues<T>().Should().OnlyContain(v => fromCode(toCode(v)).Equals(v));
    }
}
