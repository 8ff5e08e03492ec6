using System.Globalization;
using LeicsPerformance.Domain.Values;

namespace LeicsPerformance.Domain.Tests.Values;

public class PrintedValueTests
{
    private static decimal D(string s) => decimal.Parse(s, NumberStyles.Number | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    private static PrintedValue ParseOk(string? text)
    {
        PrintedValue.TryParse(text, out var value, out var error).Should().BeTrue("'{0}' should parse, but got: {1}", text, error);
        error.Should().BeEmpty();
        return value;
    }

    [Theory]
    // text, number, £?, %?, scale, decimals  — all as printed in the 2017/18 compendium
    [InlineData("£677", "677", true, false, Scale.None, 0)]
    [InlineData("£24.2bn", "24200000000", true, false, Scale.Billions, 1)]
    [InlineData("£23.7bn", "23700000000", true, false, Scale.Billions, 1)]
    [InlineData("£17.8m", "17800000", true, false, Scale.Millions, 1)]
    [InlineData("£2.36m", "2360000", true, false, Scale.Millions, 2)]
    [InlineData("£12m", "12000000", true, false, Scale.Millions, 0)]
    [InlineData("£22,920", "22920", true, false, Scale.None, 0)]
    [InlineData("48.6%", "48.6", false, true, Scale.None, 1)]
    [InlineData("95.20%", "95.20", false, true, Scale.None, 2)]
    [InlineData("100%", "100", false, true, Scale.None, 0)]
    [InlineData("96,580", "96580", false, false, Scale.None, 0)]
    [InlineData("3,140", "3140", false, false, Scale.None, 0)]
    [InlineData("\u20100.28", "-0.28", false, false, Scale.None, 2)]
    [InlineData("\u20100.03", "-0.03", false, false, Scale.None, 2)]
    [InlineData("\u22120.5", "-0.5", false, false, Scale.None, 1)]
    [InlineData("-12", "-12", false, false, Scale.None, 0)]
    [InlineData("+9%", "9", false, true, Scale.None, 0)]
    [InlineData("980.6k", "980600", false, false, Scale.Thousands, 1)]
    [InlineData("551.0k", "551000", false, false, Scale.Thousands, 1)]
    [InlineData("1.01m", "1010000", false, false, Scale.Millions, 2)]
    [InlineData("13.22m", "13220000", false, false, Scale.Millions, 2)]
    [InlineData("0.38", "0.38", false, false, Scale.None, 2)]
    [InlineData(".5", "0.5", false, false, Scale.None, 1)]
    [InlineData(" 8.45 ", "8.45", false, false, Scale.None, 2)]
    [InlineData("1,234.56", "1234.56", false, false, Scale.None, 2)]
    [InlineData("48.6\u00a0%", "48.6", false, true, Scale.None, 1)]
    public void Reads_printed_numbers(string text, string number, bool pound, bool percent, Scale scale, int decimals)
    {
        var value = ParseOk(text);

        value.Number.Should().Be(D(number));
        value.Status.Should().Be(ValueStatus.Published);
        value.HasCurrencySign.Should().Be(pound);
        value.HasPercentSign.Should().Be(percent);
        value.Scale.Should().Be(scale);
        value.Decimals.Should().Be(decimals);
        value.Note.Should().BeNull();
        value.Original.Should().Be(text);
    }

    [Theory]
    [InlineData("31.3 (2017)", "31.3", "2017")]
    [InlineData("31.7 (2016)", "31.7", "2016")]
    [InlineData("1820 (2015)", "1820", "2015")]
    [InlineData("5.4 (2016", "5.4", "2016")]
    [InlineData("48.6% (Leics & Rutland)", "48.6", "Leics & Rutland")]
    public void Keeps_a_bracketed_note_such_as_the_values_own_period(string text, string number, string note)
    {
        var value = ParseOk(text);

        value.Number.Should().Be(D(number));
        value.Note.Should().Be(note);
        value.Status.Should().Be(ValueStatus.Published);
    }

    [Theory]
    [InlineData("12.3 (provisional)")]
    [InlineData("12.3 (Provisional)")]
    public void Provisional_is_a_status_not_a_note(string text)
    {
        var value = ParseOk(text);

        value.Number.Should().Be(12.3m);
        value.Status.Should().Be(ValueStatus.Provisional);
        value.Note.Should().BeNull();
        value.Status.HasNumber().Should().BeTrue();
    }

    [Theory]
    [InlineData("N/A", ValueStatus.NotAvailable)]
    [InlineData("NA", ValueStatus.NotAvailable)]
    [InlineData("n/a", ValueStatus.NotAvailable)]
    [InlineData("No data", ValueStatus.NotAvailable)]
    [InlineData("", ValueStatus.NotAvailable)]
    [InlineData("   ", ValueStatus.NotAvailable)]
    [InlineData(null, ValueStatus.NotAvailable)]
    [InlineData("\u2010", ValueStatus.NotAvailable)]
    [InlineData("awaited", ValueStatus.Awaited)]
    [InlineData("Data awaited", ValueStatus.Awaited)]
    [InlineData("not comparable", ValueStatus.NotComparable)]
    [InlineData("New method", ValueStatus.NotComparable)]
    [InlineData("suppressed", ValueStatus.Suppressed)]
    [InlineData("*", ValueStatus.Suppressed)]
    public void Reads_states_that_are_not_numbers(string? text, ValueStatus status)
    {
        var value = ParseOk(text);

        value.Number.Should().BeNull();
        value.Status.Should().Be(status);
        value.Original.Should().Be(text ?? string.Empty);
    }

    [Theory]
    [InlineData("abc", "is not a number")]
    [InlineData("1,23,4", "commas in the wrong places")]
    [InlineData("1,2345", "commas in the wrong places")]
    [InlineData("12..3", "is not a number")]
    [InlineData("£", "is not a number")]
    [InlineData("%", "is not a number")]
    [InlineData("12.3.4", "is not a number")]
    [InlineData("4th", "is not a number")]
    [InlineData("12 34", "is not a number")]
    public void Rejects_garbage_with_a_message_quoting_the_original_text(string text, string reason)
    {
        PrintedValue.TryParse(text, out _, out var error).Should().BeFalse();

        error.Should().Contain($"'{text}'").And.Contain(reason);
    }

    [Theory]
    [InlineData("\u20100.28", "-0.28")]
    [InlineData("\u20110.28", "-0.28")]
    [InlineData("\u20120.28", "-0.28")]
    [InlineData("\u20130.28", "-0.28")]
    [InlineData("\u22120.28", "-0.28")]
    [InlineData("2017\u201018", "2017-18")]
    public void NormaliseDashes_folds_the_papers_dashes_to_hyphens(string text, string expected)
    {
        PrintedValue.NormaliseDashes(text).Should().Be(expected);
    }

    [Fact]
    public void Parsing_ignores_the_current_culture()
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            // In German "1,234" would be one point two three four, and "48.6" forty-eight thousand six hundred.
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            ParseOk("1,234").Number.Should().Be(1234m);
            ParseOk("48.6%").Number.Should().Be(48.6m);
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Theory]
    [InlineData(ValueStatus.Published, true)]
    [InlineData(ValueStatus.Provisional, true)]
    [InlineData(ValueStatus.NotComparable, true)]
    [InlineData(ValueStatus.Awaited, false)]
    [InlineData(ValueStatus.NotAvailable, false)]
    [InlineData(ValueStatus.Suppressed, false)]
    public void Status_codes_round_trip_and_say_whether_there_is_a_number(ValueStatus status, bool hasNumber)
    {
        ValueStatusText.TryParse(status.ToCode(), out var read).Should().BeTrue();
        read.Should().Be(status);
        status.HasNumber().Should().Be(hasNumber);
    }

    [Theory]
    [InlineData(ValueStatus.Published, true)]
    [InlineData(ValueStatus.Provisional, true)]
    [InlineData(ValueStatus.NotComparable, false)]
    [InlineData(ValueStatus.Awaited, false)]
    [InlineData(ValueStatus.NotAvailable, false)]
    [InlineData(ValueStatus.Suppressed, false)]
    public void A_comparator_ranking_counts_published_and_provisional_figures_only(ValueStatus status, bool ranked)
    {
        status.IsRanked().Should().Be(ranked);
        ValueStatusText.Ranked.Contains(status).Should().Be(ranked);
    }

    [Theory]
    [InlineData("banana")]
    [InlineData("3")]
    public void Unknown_status_text_is_rejected(string text)
    {
        ValueStatusText.TryParse(text, out _).Should().BeFalse();
    }
}
