using System.Globalization;
using LeicsPerformance.Domain.Values;

namespace LeicsPerformance.Domain.Tests.Values;

public class ValueFormatTests
{
    private static decimal D(string s) => decimal.Parse(s, NumberStyles.Number | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    [Theory]
    [InlineData(Unit.Currency, 1, Scale.Billions, "24200000000", "£24.2bn")]
    [InlineData(Unit.Currency, 1, Scale.Millions, "17800000", "£17.8m")]
    [InlineData(Unit.Currency, 2, Scale.Millions, "2360000", "£2.36m")]
    [InlineData(Unit.Currency, 0, Scale.None, "1234", "£1,234")]
    [InlineData(Unit.Currency, 0, Scale.None, "22920", "£22,920")]
    [InlineData(Unit.Currency, 0, Scale.None, "677", "£677")]
    [InlineData(Unit.Currency, 0, Scale.None, "-56", "\u2212£56")]
    [InlineData(Unit.Percent, 1, Scale.None, "48.6", "48.6%")]
    [InlineData(Unit.Percent, 2, Scale.None, "95.2", "95.20%")]
    [InlineData(Unit.Percent, 0, Scale.None, "9", "9%")]
    [InlineData(Unit.Percent, 1, Scale.None, "-1.25", "\u22121.3%")]
    [InlineData(Unit.Count, 0, Scale.None, "96580", "96,580")]
    [InlineData(Unit.Count, 0, Scale.None, "1234567", "1,234,567")]
    [InlineData(Unit.Number, 2, Scale.None, "-0.28", "\u22120.28")]
    [InlineData(Unit.Number, 1, Scale.Thousands, "980600", "980.6k")]
    [InlineData(Unit.Number, 2, Scale.Millions, "1010000", "1.01m")]
    [InlineData(Unit.Number, 1, Scale.Thousands, "1010000", "1,010.0k")]
    [InlineData(Unit.Rate, 1, Scale.None, "149.55", "149.6")]
    [InlineData(Unit.Number, 1, Scale.None, "0", "0.0")]
    public void Formats_in_uk_style(Unit unit, int decimals, Scale scale, string value, string expected)
    {
        new ValueFormat(unit, decimals, scale).Format(D(value)).Should().Be(expected);
    }

    [Theory]
    [InlineData("-0.04", "0.0")]
    [InlineData("-0.05", "\u22120.1")]
    public void A_negative_that_rounds_to_zero_has_no_minus_sign(string value, string expected)
    {
        new ValueFormat(Unit.Number, 1).Format(D(value)).Should().Be(expected);
    }

    [Fact]
    public void Negative_values_use_a_true_minus_sign_not_a_hyphen()
    {
        var text = new ValueFormat(Unit.Number, 2).Format(-0.28m);

        text.Should().StartWith("\u2212").And.NotContain("-");
    }

    [Fact]
    public void Formatting_is_uk_style_whatever_the_current_culture()
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            new ValueFormat(Unit.Currency, 1, Scale.Billions).Format(24_200_000_000m).Should().Be("£24.2bn");
            new ValueFormat(Unit.Count, 0).Format(96_580m).Should().Be("96,580");
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Theory]
    [InlineData(1, Scale.None, "48.64", "48.6")]
    [InlineData(1, Scale.None, "48.65", "48.7")]
    [InlineData(1, Scale.None, "-48.65", "-48.7")]
    [InlineData(0, Scale.None, "2.5", "3")]
    [InlineData(2, Scale.None, "0.375", "0.38")]
    [InlineData(1, Scale.Millions, "17849999", "17800000")]
    [InlineData(1, Scale.Millions, "17850000", "17900000")]
    [InlineData(1, Scale.Billions, "24249999999", "24200000000")]
    [InlineData(1, Scale.Thousands, "980649", "980600")]
    [InlineData(2, Scale.Millions, "1005000", "1010000")]
    public void RoundForDisplay_rounds_half_away_from_zero_at_the_shown_scale(int decimals, Scale scale, string value, string expected)
    {
        new ValueFormat(Unit.Number, decimals, scale).RoundForDisplay(D(value)).Should().Be(D(expected));
    }

    [Theory]
    [InlineData(Scale.None, "1", "")]
    [InlineData(Scale.Thousands, "1000", "k")]
    [InlineData(Scale.Millions, "1000000", "m")]
    [InlineData(Scale.Billions, "1000000000", "bn")]
    public void Scale_multiplier_and_suffix(Scale scale, string multiplier, string suffix)
    {
        ValueFormat.Multiplier(scale).Should().Be(D(multiplier));
        ValueFormat.Suffix(scale).Should().Be(suffix);
        ValueFormat.TryParseScale(suffix, out var read).Should().BeTrue();
        read.Should().Be(scale);
    }

    [Theory]
    [InlineData("thousands", Scale.Thousands)]
    [InlineData(" BN ", Scale.Billions)]
    [InlineData("none", Scale.None)]
    [InlineData(null, Scale.None)]
    public void TryParseScale_reads_words_and_suffixes(string? text, Scale expected)
    {
        ValueFormat.TryParseScale(text, out var scale).Should().BeTrue();
        scale.Should().Be(expected);
    }

    [Theory]
    [InlineData("trillions")]
    [InlineData("x")]
    public void TryParseScale_rejects_unknown_scales(string text)
    {
        ValueFormat.TryParseScale(text, out _).Should().BeFalse();
    }

    [Theory]
    [InlineData(Unit.Number)]
    [InlineData(Unit.Count)]
    [InlineData(Unit.Currency)]
    [InlineData(Unit.Percent)]
    [InlineData(Unit.Rate)]
    [InlineData(Unit.Ratio)]
    [InlineData(Unit.Score)]
    public void Unit_codes_round_trip(Unit unit)
    {
        var code = ValueFormat.UnitCode(unit);

        code.Should().Be(code.ToLowerInvariant());
        ValueFormat.TryParseUnit(code, out var read).Should().BeTrue();
        read.Should().Be(unit);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("pounds")]
    [InlineData("5")]
    [InlineData("-1")]
    [InlineData("Number, Count")]
    public void TryParseUnit_rejects_anything_but_a_unit_name(string? text)
    {
        ValueFormat.TryParseUnit(text, out _).Should().BeFalse();
    }

    [Theory]
    [InlineData(Unit.Currency, null, "pounds (£)")]
    [InlineData(Unit.Percent, null, "per cent")]
    [InlineData(Unit.Rate, 10000, "rate per 10,000")]
    [InlineData(Unit.Rate, 100000, "rate per 100,000")]
    [InlineData(Unit.Rate, null, "rate")]
    [InlineData(Unit.Count, null, "count")]
    public void Unit_description_for_metadata(Unit unit, int? ratePer, string expected)
    {
        new ValueFormat(unit, 1, Scale.None, ratePer).UnitDescription.Should().Be(expected);
    }

    [Theory]
    [InlineData("£24.2bn")]
    [InlineData("£17.8m")]
    [InlineData("£22,920")]
    [InlineData("48.6%")]
    [InlineData("95.20%")]
    [InlineData("96,580")]
    [InlineData("980.6k")]
    [InlineData("1.01m")]
    public void Printed_values_format_back_to_what_was_printed(string printed)
    {
        PrintedValue.TryParse(printed, out var value, out _).Should().BeTrue();
        var unit = value.HasCurrencySign ? Unit.Currency : value.HasPercentSign ? Unit.Percent : Unit.Number;

        new ValueFormat(unit, value.Decimals, value.Scale).Format(value.Number!.Value).Should().Be(printed);
    }
}
