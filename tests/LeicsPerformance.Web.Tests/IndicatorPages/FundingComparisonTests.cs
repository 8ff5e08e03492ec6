using LeicsPerformance.Web.Reporting;

namespace LeicsPerformance.Web.Tests.IndicatorPages;

/// <summary>"Leicestershire would be over £330m better off if we had the same income per head as Camden" — the arithmetic alone.</summary>
public sealed class FundingComparisonTests
{
    private const int Population = 683_000;

    [Fact]
    public void Camden_gives_329_9m_shown_as_330m_more()
    {
        var camden = new FundingComparison("Leicestershire", 677m, "Camden", 1160m, Population);

        camden.DifferencePerHead.Should().Be(483m);
        camden.AnnualDifference.Should().Be(329_889_000m);
        camden.MoreOrLess.Should().Be("more");
        camden.Sentence.Should().Be("If Leicestershire were funded like Camden it would have £330m more a year.");
        camden.Formula.Should().Be("(£1,160 \u2212 £677) \u00d7 683,000 = £329,889,000");
    }

    [Fact]
    public void Surrey_gives_99_7m_more()
    {
        var surrey = new FundingComparison("Leicestershire", 677m, "Surrey", 823m, Population);

        surrey.AnnualDifference.Should().Be(99_718_000m);
        surrey.Sentence.Should().Be("If Leicestershire were funded like Surrey it would have £99.7m more a year.");
    }

    [Fact]
    public void An_authority_funded_below_Leicestershire_gives_a_negative_difference_phrased_as_less()
    {
        var windsor = new FundingComparison("Leicestershire", 677m, "Windsor and Maidenhead", 621m, Population);

        windsor.DifferencePerHead.Should().Be(-56m);
        windsor.AnnualDifference.Should().Be(-38_248_000m);
        windsor.MoreOrLess.Should().Be("less");
        windsor.Sentence.Should().Be("If Leicestershire were funded like Windsor and Maidenhead it would have £38.2m less a year.");
        windsor.Formula.Should().Be("(£621 \u2212 £677) \u00d7 683,000 = \u2212£38,248,000");
    }

    [Fact]
    public void The_same_funding_per_head_says_the_same()
    {
        var twin = new FundingComparison("Leicestershire", 677m, "Twin", 677m, Population);

        twin.AnnualDifference.Should().Be(0m);
        twin.MoreOrLess.Should().Be("the same");
        twin.Sentence.Should().Be("If Leicestershire were funded like Twin it would have the same funding: both have £677 per head.");
    }

    [Theory]
    [InlineData("329889000", "£330m")]
    [InlineData("99718000", "£99.7m")]
    [InlineData("99960000", "£100m")]
    [InlineData("5460000", "£5.5m")]
    [InlineData("-38248000", "£38.2m")]
    [InlineData("683000", "£683,000")]
    [InlineData("12345", "£12,000")]
    [InlineData("450", "£450")]
    [InlineData("1234000000", "£1.2bn")]
    public void Amounts_in_sentences_are_rounded_to_about_three_figures(string amount, string expected) =>
        FundingComparison.Rounded(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)).Should().Be(expected);

    [Theory]
    [InlineData("329889000", "£329.9m")]
    [InlineData("-38248000", "\u2212£38.2m")]
    [InlineData("0", "£0.0m")]
    public void Table_amounts_are_signed_millions_to_one_decimal_place(string amount, string expected) =>
        FundingComparison.Millions(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)).Should().Be(expected);
}
