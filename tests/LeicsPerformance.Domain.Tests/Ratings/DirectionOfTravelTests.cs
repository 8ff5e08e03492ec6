using System.Globalization;
using LeicsPerformance.Domain.Ratings;
using LeicsPerformance.Domain.Tests.TestData;
using LeicsPerformance.Domain.Values;
using Xunit.Abstractions;

namespace LeicsPerformance.Domain.Tests.Ratings;

public class DirectionOfTravelTests(ITestOutputHelper output)
{
    private static decimal? D(string? s) => s is null ? null : decimal.Parse(s, NumberStyles.Number | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    private static PrintedValue Printed(string text) =>
        PrintedValue.TryParse(text, out var value, out var error) ? value : throw new FormatException(error);

    /// <summary>
    /// The format the two printed figures were published at: unit from the £ / % sign, the current figure's scale,
    /// and the finer of the two precisions (the papers drop trailing zeros: "0.4" next to "0.38" is 0.40).
    /// </summary>
    private static ValueFormat FormatOf(PrintedValue current, PrintedValue previous)
    {
        var unit = current.HasCurrencySign ? Unit.Currency : current.HasPercentSign ? Unit.Percent : Unit.Number;
        return new ValueFormat(unit, Math.Max(current.Decimals, previous.Decimals), current.Scale);
    }

    private static DirectionRating ComputePrinted(string current, string previous, Polarity polarity, NoRealChangeRule? rule = null)
    {
        var now = Printed(current);
        var before = Printed(previous);
        return DirectionOfTravel.Compute(now.Number, before.Number, polarity, rule ?? NoRealChangeRule.Default, FormatOf(now, before));
    }

    [Theory]
    // current, previous, polarity, expected — rows from the 2017/18 compendium
    [InlineData("1.0%", "0.8%", Polarity.LowIsGood, Direction.Worse)] // benefit claimants rising is worse
    [InlineData("£677", "£653", Polarity.HighIsGood, Direction.Improved)] // core spending power per head
    [InlineData("£314", "£337", Polarity.HighIsGood, Direction.Worse)] // education spend per head
    [InlineData("980.6k", "1.01m", Polarity.HighIsGood, Direction.Worse)] // mixed scales
    [InlineData("2.2%", "2.2%", Polarity.LowIsGood, Direction.NoRealChange)]
    [InlineData("30%", "30%", Polarity.None, Direction.NoRealChange)] // MARAC repeats, polarity NA
    [InlineData("1194", "1705", Polarity.LowIsGood, Direction.Improved)] // casualties, polarity printed "low"
    [InlineData("0.4", "0.38", Polarity.LowIsGood, Direction.Worse)] // temporary accommodation per 1,000
    [InlineData("\u20100.28", "\u20100.50", Polarity.HighIsGood, Direction.Improved)]
    [InlineData("95.20%", "95.70%", Polarity.HighIsGood, Direction.Worse)] // printed →: officers' judgement, not the rule
    [InlineData("77.0%", "77.0%", Polarity.HighIsGood, Direction.NoRealChange)]
    public void Compendium_rows(string current, string previous, Polarity polarity, Direction expected)
    {
        ComputePrinted(current, previous, polarity).Direction.Should().Be(expected);
    }

    [Theory]
    [InlineData("48.64", "48.6", Polarity.HighIsGood, 1, Direction.NoRealChange)]
    [InlineData("48.65", "48.6", Polarity.HighIsGood, 1, Direction.Improved)]
    [InlineData("48.64", "48.6", Polarity.HighIsGood, 2, Direction.Improved)]
    [InlineData("48.56", "48.6", Polarity.LowIsGood, 1, Direction.NoRealChange)]
    [InlineData("48.54", "48.6", Polarity.LowIsGood, 1, Direction.Improved)]
    public void Default_rule_compares_at_the_published_precision(string current, string previous, Polarity polarity, int decimals, Direction expected)
    {
        var rating = DirectionOfTravel.Compute(D(current), D(previous), polarity, NoRealChangeRule.Default, new ValueFormat(Unit.Percent, decimals));

        rating.Direction.Should().Be(expected);
        rating.Reason.Should().Be(DirectionReason.Compared);
    }

    [Fact]
    public void Values_that_differ_without_polarity_cannot_be_determined()
    {
        var rating = ComputePrinted("200", "70", Polarity.None);

        rating.Direction.Should().Be(Direction.NotDetermined);
        rating.Reason.Should().Be(DirectionReason.NoPolarity);
        rating.Explanation.Should().Contain("70 → 200").And.Contain("cannot be determined");
    }

    [Theory]
    [InlineData(null, "31.2", DirectionReason.NoCurrentValue)]
    [InlineData("66.2", null, DirectionReason.NoPreviousValue)]
    [InlineData(null, null, DirectionReason.NoCurrentValue)]
    public void A_missing_value_cannot_be_determined(string? current, string? previous, DirectionReason reason)
    {
        var rating = DirectionOfTravel.Compute(D(current), D(previous), Polarity.HighIsGood, NoRealChangeRule.Default, new ValueFormat(Unit.Percent, 1));

        rating.Direction.Should().Be(Direction.NotDetermined);
        rating.Reason.Should().Be(reason);
        rating.Explanation.Should().Contain("cannot be determined");
    }

    [Fact]
    public void No_previous_value_explanation_shows_the_current_value()
    {
        var rating = DirectionOfTravel.Compute(66.2m, null, Polarity.HighIsGood, NoRealChangeRule.Default, new ValueFormat(Unit.Percent, 1));

        rating.Explanation.Should().Contain("66.2%").And.Contain("no previous value");
    }

    [Theory]
    [InlineData("66.2", "66.2")]
    [InlineData("66.2", "60.0")]
    public void A_definition_change_cannot_be_determined_even_if_values_match(string current, string previous)
    {
        var rating = DirectionOfTravel.Compute(D(current), D(previous), Polarity.HighIsGood, NoRealChangeRule.Default, new ValueFormat(Unit.Percent, 1), definitionChanged: true);

        rating.Direction.Should().Be(Direction.NotDetermined);
        rating.Reason.Should().Be(DirectionReason.DefinitionChanged);
        rating.Explanation.Should().Contain("definition changed");
    }

    [Theory]
    // absolute tolerance in the indicator's units (percentage points here)
    [InlineData("absolute:0.5", "48.6", "48.2", Polarity.HighIsGood, Direction.NoRealChange, DirectionReason.WithinTolerance)]
    [InlineData("absolute:0.5", "48.7", "48.2", Polarity.HighIsGood, Direction.NoRealChange, DirectionReason.WithinTolerance)] // exactly on the tolerance
    [InlineData("absolute:0.5", "48.8", "48.2", Polarity.HighIsGood, Direction.Improved, DirectionReason.Compared)]
    [InlineData("absolute:0.5", "47.6", "48.2", Polarity.HighIsGood, Direction.Worse, DirectionReason.Compared)]
    [InlineData("absolute:0.5", "47.6", "48.2", Polarity.None, Direction.NotDetermined, DirectionReason.NoPolarity)]
    [InlineData("absolute:0.5", "48.0", "48.2", Polarity.None, Direction.NoRealChange, DirectionReason.WithinTolerance)]
    // relative tolerance: a share of the previous value
    [InlineData("relative:1%", "101", "100", Polarity.HighIsGood, Direction.NoRealChange, DirectionReason.WithinTolerance)]
    [InlineData("relative:1%", "101.1", "100", Polarity.HighIsGood, Direction.Improved, DirectionReason.Compared)]
    [InlineData("relative:1%", "98.9", "100", Polarity.LowIsGood, Direction.Improved, DirectionReason.Compared)]
    [InlineData("relative:1%", "-101", "-100", Polarity.HighIsGood, Direction.NoRealChange, DirectionReason.WithinTolerance)]
    [InlineData("relative:1%", "0", "0", Polarity.HighIsGood, Direction.NoRealChange, DirectionReason.WithinTolerance)]
    [InlineData("relative:1%", "0.01", "0", Polarity.HighIsGood, Direction.Improved, DirectionReason.Compared)]
    [InlineData("relative:5%", "1880", "1797", Polarity.LowIsGood, Direction.NoRealChange, DirectionReason.WithinTolerance)]
    [InlineData("relative:5%", "1890", "1797", Polarity.LowIsGood, Direction.Worse, DirectionReason.Compared)]
    public void Tolerance_rules(string ruleCode, string current, string previous, Polarity polarity, Direction expected, DirectionReason reason)
    {
        NoRealChangeRule.TryParse(ruleCode, out var rule).Should().BeTrue();

        var rating = DirectionOfTravel.Compute(D(current), D(previous), polarity, rule, new ValueFormat(Unit.Percent, 1));

        rating.Direction.Should().Be(expected);
        rating.Reason.Should().Be(reason);
    }

    [Theory]
    [InlineData("1.0%", "0.8%", Polarity.LowIsGood, "0.8% → 1.0%", "lower is better", "got worse")]
    [InlineData("£677", "£653", Polarity.HighIsGood, "£653 → £677", "higher is better", "improved")]
    [InlineData("980.6k", "1.01m", Polarity.HighIsGood, "1,010.00k → 980.60k", "higher is better", "got worse")]
    [InlineData("\u20100.28", "\u20100.50", Polarity.HighIsGood, "\u22120.50 → \u22120.28", "higher is better", "improved")]
    [InlineData("2.2%", "2.2%", Polarity.LowIsGood, "2.2% → 2.2%", "the same at the published precision", "no real change")]
    public void Explanation_shows_both_values_the_polarity_and_the_verdict(string current, string previous, Polarity polarity, string change, string why, string verdict)
    {
        var rating = ComputePrinted(current, previous, polarity);

        rating.Explanation.Should().Contain(change).And.Contain(why).And.Contain(verdict);
        rating.Explanation.Should().Contain(rating.Direction.Words());
    }

    [Theory]
    [InlineData("absolute:0.5", Unit.Percent, "within the indicator's tolerance (0.5 percentage points)")]
    [InlineData("absolute:2", Unit.Currency, "within the indicator's tolerance (£2.0)")]
    [InlineData("relative:1%", Unit.Number, "within the indicator's tolerance (1% of the previous value)")]
    public void Tolerance_explanation_says_what_the_tolerance_is(string ruleCode, Unit unit, string expected)
    {
        NoRealChangeRule.TryParse(ruleCode, out var rule).Should().BeTrue();

        var rating = DirectionOfTravel.Compute(100.1m, 100m, Polarity.HighIsGood, rule, new ValueFormat(unit, 1));

        rating.Direction.Should().Be(Direction.NoRealChange);
        rating.Explanation.Should().Contain(expected).And.EndWith("no real change.");
    }

    [Fact]
    public void Officer_judgement_overrides_and_keeps_the_rules_explanation()
    {
        var computed = ComputePrinted("95.20%", "95.70%", Polarity.HighIsGood);
        computed.Direction.Should().Be(Direction.Worse);

        var judged = DirectionOfTravel.WithOfficerJudgement(computed, Direction.NoRealChange);

        judged.Direction.Should().Be(Direction.NoRealChange);
        judged.Reason.Should().Be(DirectionReason.OfficerJudgement);
        judged.Explanation.Should().Contain("Officers judged this no real change").And.Contain(computed.Explanation);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(Direction.Worse)]
    public void No_judgement_or_agreeing_judgement_leaves_the_rating_alone(Direction? judgement)
    {
        var computed = ComputePrinted("95.20%", "95.70%", Polarity.HighIsGood);

        DirectionOfTravel.WithOfficerJudgement(computed, judgement).Should().BeSameAs(computed);
    }

    [Theory]
    [InlineData("same-when-rounded", NoRealChangeKind.SameWhenRounded, "0")]
    [InlineData("", NoRealChangeKind.SameWhenRounded, "0")]
    [InlineData("absolute:0.5", NoRealChangeKind.AbsoluteTolerance, "0.5")]
    [InlineData("ABSOLUTE:2", NoRealChangeKind.AbsoluteTolerance, "2")]
    [InlineData("relative:1%", NoRealChangeKind.RelativeTolerance, "1")]
    [InlineData("relative:2.5", NoRealChangeKind.RelativeTolerance, "2.5")]
    public void NoRealChangeRule_reads_its_codes(string text, NoRealChangeKind kind, string tolerance)
    {
        NoRealChangeRule.TryParse(text, out var rule).Should().BeTrue();

        rule.Kind.Should().Be(kind);
        rule.Tolerance.Should().Be(D(tolerance));
        NoRealChangeRule.TryParse(rule.Code, out var again).Should().BeTrue();
        again.Should().Be(rule);
    }

    [Theory]
    [InlineData(NoRealChangeKind.SameWhenRounded, "0", "same-when-rounded")]
    [InlineData(NoRealChangeKind.AbsoluteTolerance, "0.5", "absolute:0.5")]
    [InlineData(NoRealChangeKind.AbsoluteTolerance, "0.50", "absolute:0.50")]
    [InlineData(NoRealChangeKind.RelativeTolerance, "1", "relative:1%")]
    [InlineData(NoRealChangeKind.RelativeTolerance, "12.25", "relative:12.25%")]
    public void NoRealChangeRule_code_round_trips(NoRealChangeKind kind, string tolerance, string code)
    {
        var rule = new NoRealChangeRule(kind, D(tolerance)!.Value);

        rule.Code.Should().Be(code);
        NoRealChangeRule.TryParse(rule.Code, out var read).Should().BeTrue();
        read.Should().Be(rule);
    }

    [Theory]
    [InlineData("absolute")]
    [InlineData("absolute:")]
    [InlineData("absolute:x")]
    [InlineData("absolute:-1")]
    [InlineData("sideways:1")]
    [InlineData("banana")]
    public void NoRealChangeRule_rejects_bad_codes(string text)
    {
        NoRealChangeRule.TryParse(text, out var rule).Should().BeFalse();
        rule.Should().Be(NoRealChangeRule.Default);
    }

    [Theory]
    [InlineData("↑", Direction.Improved)]
    [InlineData("↓", Direction.Worse)]
    [InlineData("→", Direction.NoRealChange)]
    [InlineData("N/A", Direction.NotDetermined)]
    [InlineData("\u2010", Direction.NotDetermined)]
    [InlineData("no real change", Direction.NoRealChange)]
    [InlineData("Statistically similar", Direction.NoRealChange)]
    [InlineData("got worse", Direction.Worse)]
    public void Reads_printed_arrows_and_words(string text, Direction expected)
    {
        DirectionText.TryParse(text, out var direction).Should().BeTrue();
        direction.Should().Be(expected);
    }

    [Theory]
    [InlineData(Direction.Improved, "↑", "improved")]
    [InlineData(Direction.NoRealChange, "→", "noRealChange")]
    [InlineData(Direction.Worse, "↓", "worse")]
    [InlineData(Direction.NotDetermined, "\u2010", "notDetermined")]
    public void Arrows_and_codes_read_back(Direction direction, string arrow, string code)
    {
        direction.Arrow().Should().Be(arrow);
        direction.ToCode().Should().Be(code);
        DirectionText.TryParse(direction.Arrow(), out var fromArrow).Should().BeTrue();
        fromArrow.Should().Be(direction);
        DirectionText.TryParse(direction.Words(), out var fromWords).Should().BeTrue();
        fromWords.Should().Be(direction);
    }

    [Theory]
    [InlineData("sideways")]
    [InlineData("↗")]
    public void Rejects_unknown_arrows(string text)
    {
        DirectionText.TryParse(text, out var direction).Should().BeFalse();
        direction.Should().BeNull();
    }

    [Fact]
    public void Every_printed_up_or_down_arrow_in_the_sample_is_reproduced_by_the_default_rule()
    {
        var checkedRows = 0;
        var mismatches = new List<string>();
        foreach (var row in SampleData.CompendiumRows)
        {
            DirectionText.TryParse(row.Direction, out var printed).Should().BeTrue("{0}: direction '{1}'", row, row.Direction);
            PolarityText.TryParse(row.Polarity, out var polarity).Should().BeTrue("{0}: polarity '{1}'", row, row.Polarity);
            if (printed is not (Direction.Improved or Direction.Worse) || polarity == Polarity.None)
            {
                continue;
            }

            var now = Printed(row.Current);
            var before = Printed(row.Previous);
            if (now.Number is null || before.Number is null)
            {
                output.WriteLine($"Skipped (no number to compare): {row}: '{row.Current}' vs '{row.Previous}' printed {row.Direction}");
                continue;
            }

            checkedRows++;
            var computed = DirectionOfTravel.Compute(now.Number, before.Number, polarity, NoRealChangeRule.Default, FormatOf(now, before));
            if (computed.Direction != printed)
            {
                mismatches.Add($"{row}: printed {row.Direction}, computed {computed.Direction.Arrow()} ({computed.Explanation})");
            }
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Checked {checkedRows} printed ↑/↓ rows with two numbers and a polarity; {mismatches.Count} not reproduced."));
        mismatches.ForEach(output.WriteLine);
        checkedRows.Should().BeGreaterThan(100);
        mismatches.Should().BeEmpty();
    }

    [Fact]
    public void Printed_no_real_change_rows_are_mostly_officers_judgement()
    {
        var reproduced = new List<string>();
        var notReproduced = new List<string>();
        foreach (var row in SampleData.CompendiumRows.Where(r => r.Direction == "→"))
        {
            PolarityText.TryParse(row.Polarity, out var polarity).Should().BeTrue();
            var now = Printed(row.Current);
            var before = Printed(row.Previous);
            now.Number.Should().NotBeNull("{0} prints → so should have a current value", row);
            before.Number.Should().NotBeNull("{0} prints → so should have a previous value", row);

            var computed = DirectionOfTravel.Compute(now.Number, before.Number, polarity, NoRealChangeRule.Default, FormatOf(now, before));
            if (computed.Direction == Direction.NoRealChange)
            {
                reproduced.Add($"{row}: {row.Previous} → {row.Current}");
            }
            else
            {
                notReproduced.Add($"{row}: {row.Previous} → {row.Current} ({row.Polarity}); rule gives {computed.Direction.Words()}");

                // The app can still show what was printed, as an officer's judgement that keeps the rule's reasoning.
                var judged = DirectionOfTravel.WithOfficerJudgement(computed, Direction.NoRealChange);
                judged.Direction.Should().Be(Direction.NoRealChange);
                judged.Reason.Should().Be(DirectionReason.OfficerJudgement);
            }
        }

        var total = reproduced.Count + notReproduced.Count;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Printed → rows: {total}; the default rule (same at the published precision) also gives no real change for {reproduced.Count}; not for {notReproduced.Count}:"));
        notReproduced.ForEach(output.WriteLine);
        output.WriteLine("Reproduced:");
        reproduced.ForEach(output.WriteLine);

        // Pinned from the 2017/18 sample: 42 printed →, of which 11 print identical figures.
        total.Should().Be(42);
        reproduced.Should().HaveCount(11);
        reproduced.Should().OnlyContain(r => r.Length > 0);
    }
}
