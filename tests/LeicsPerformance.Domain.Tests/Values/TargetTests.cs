using System.Globalization;
using LeicsPerformance.Domain.Tests.TestData;
using LeicsPerformance.Domain.Values;

namespace LeicsPerformance.Domain.Tests.Values;

public class TargetTests
{
    /// <summary>Value cells in the sample that are known not to parse. There should be none.</summary>
    private static readonly HashSet<string> ExpectedValueFailures = new(StringComparer.Ordinal);

    /// <summary>The only targets in the sample that are words, not figures.</summary>
    private static readonly HashSet<string> WordTargetsInSample = new(StringComparer.Ordinal) { "Fair Funding", "MTFS", "Reduction", "top quartile" };

    private static decimal? D(string? s) => s is null ? null : decimal.Parse(s, NumberStyles.Number | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    [Theory]
    // Words: shown, never scored
    [InlineData("MTFS", TargetKind.Words, null, null, false, null)]
    [InlineData("Fair Funding", TargetKind.Words, null, null, false, null)]
    [InlineData("Reduction", TargetKind.Words, null, null, false, null)]
    [InlineData("top quartile", TargetKind.Words, null, null, false, null)]
    [InlineData("Year on year decrease", TargetKind.Words, null, null, false, null)]
    // Bounds
    [InlineData("<1797", TargetKind.UpperBound, null, "1797", false, null)]
    [InlineData("<1104", TargetKind.UpperBound, null, "1104", false, null)]
    [InlineData("<791", TargetKind.UpperBound, null, "791", false, null)]
    [InlineData("<538.0", TargetKind.UpperBound, null, "538.0", false, null)]
    [InlineData("<=538", TargetKind.UpperBound, null, "538", true, null)]
    [InlineData(">90%", TargetKind.LowerBound, "90", null, false, null)]
    [InlineData(">= 90%", TargetKind.LowerBound, "90", null, true, null)]
    // Ranges, with U+2010 as printed
    [InlineData("28%\u201040%", TargetKind.Range, "28", "40", true, null)]
    [InlineData("5\u20106%", TargetKind.Range, "5", "6", true, null)]
    [InlineData("2-4%", TargetKind.Range, "2", "4", true, null)]
    [InlineData("2 to 4%", TargetKind.Range, "2", "4", true, null)]
    [InlineData("40%-28%", TargetKind.Range, "28", "40", true, null)]
    [InlineData("1.0-1.5m", TargetKind.Range, "1000000", "1500000", true, null)]
    [InlineData("£1m-£2m", TargetKind.Range, "1000000", "2000000", true, null)]
    // Single figures
    [InlineData("30.3 (2020/21)", TargetKind.Number, "30.3", "30.3", true, "2020/21")]
    [InlineData("13.6m", TargetKind.Number, "13600000", "13600000", true, null)]
    [InlineData("£16.4m", TargetKind.Number, "16400000", "16400000", true, null)]
    [InlineData("£2.4m", TargetKind.Number, "2400000", "2400000", true, null)]
    [InlineData("1.41m", TargetKind.Number, "1410000", "1410000", true, null)]
    [InlineData("551.0k", TargetKind.Number, "551000", "551000", true, null)]
    [InlineData("100.2k", TargetKind.Number, "100200", "100200", true, null)]
    [InlineData("4,716", TargetKind.Number, "4716", "4716", true, null)]
    [InlineData("26,120", TargetKind.Number, "26120", "26120", true, null)]
    [InlineData("92%", TargetKind.Number, "92", "92", true, null)]
    [InlineData("47.0%", TargetKind.Number, "47.0", "47.0", true, null)]
    [InlineData("737.92", TargetKind.Number, "737.92", "737.92", true, null)]
    [InlineData("1638", TargetKind.Number, "1638", "1638", true, null)]
    public void Reads_the_target_column(string text, TargetKind kind, string? low, string? high, bool inclusive, string? note)
    {
        var target = Target.Parse(text);

        target.Should().NotBeNull();
        target!.Kind.Should().Be(kind);
        target.Low.Should().Be(D(low));
        target.High.Should().Be(D(high));
        target.Inclusive.Should().Be(inclusive);
        target.Note.Should().Be(note);
        target.Text.Should().Be(text);
    }

    [Theory]
    [InlineData("N/A")]
    [InlineData("NA")]
    [InlineData("n/a")]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData(null)]
    [InlineData("\u2010")]
    public void Blank_and_na_mean_no_target(string? text)
    {
        Target.Parse(text).Should().BeNull();
    }

    [Theory]
    [InlineData("13.6m", Unit.Number, 1, Scale.Millions, "13.6m", "13600000")]
    [InlineData("28%\u201040%", Unit.Percent, 0, Scale.None, "28% to 40%", null)]
    [InlineData("<1797", Unit.Number, 0, Scale.None, "below 1,797", "1797")]
    [InlineData("<=1797", Unit.Number, 0, Scale.None, "at most 1,797", "1797")]
    [InlineData(">90%", Unit.Percent, 0, Scale.None, "above 90%", "90")]
    [InlineData(">=90%", Unit.Percent, 1, Scale.None, "at least 90.0%", "90")]
    [InlineData("MTFS", Unit.Number, 0, Scale.None, "MTFS", null)]
    public void Describe_and_line_value(string text, Unit unit, int decimals, Scale scale, string description, string? line)
    {
        var target = Target.Parse(text)!;

        target.Describe(new ValueFormat(unit, decimals, scale)).Should().Be(description);
        target.LineValue.Should().Be(D(line));
        target.ToString().Should().Be(text);
    }

    [Fact]
    public void Every_target_in_the_sample_compendium_parses_to_the_right_kind()
    {
        var cells = SampleData.CompendiumRows
            .Where(r => !string.IsNullOrWhiteSpace(r.Target))
            .ToList();
        cells.Should().NotBeEmpty();

        foreach (var row in cells)
        {
            Target? target = null;
            var act = () => target = Target.Parse(row.Target);
            act.Should().NotThrow("{0}: target '{1}'", row, row.Target);

            if (row.Target is "N/A" or "NA")
            {
                target.Should().BeNull("{0}: '{1}' means no target", row, row.Target);
                continue;
            }

            target.Should().NotBeNull("{0}: '{1}'", row, row.Target);
            if (WordTargetsInSample.Contains(row.Target))
            {
                target!.Kind.Should().Be(TargetKind.Words, "{0}: '{1}'", row, row.Target);
            }
            else
            {
                // Every other target in the sample is a figure, a range or a bound: something a value can be scored against.
                target!.Kind.Should().NotBe(TargetKind.Words, "{0}: '{1}' is a figure", row, row.Target);
                (target.Low ?? target.High).Should().NotBeNull();
                if (target.Low is { } low && target.High is { } high)
                {
                    low.Should().BeLessThanOrEqualTo(high);
                }
            }
        }
    }

    [Fact]
    public void Every_current_and_previous_value_in_the_sample_compendium_parses()
    {
        var failures = new List<string>();
        var cells = 0;
        foreach (var row in SampleData.CompendiumRows)
        {
            foreach (var cell in new[] { row.Current, row.Previous })
            {
                cells++;
                if (!PrintedValue.TryParse(cell, out var value, out var error))
                {
                    if (!ExpectedValueFailures.Contains(cell))
                    {
                        failures.Add($"{row}: {error}");
                    }
                }
                else
                {
                    value.Original.Should().Be(cell);
                    (value.Number is not null || value.Status is ValueStatus.NotAvailable or ValueStatus.Awaited)
                        .Should().BeTrue("{0}: '{1}' parsed to neither a number nor a missing state", row, cell);
                }
            }
        }

        cells.Should().Be(2 * SampleData.CompendiumRows.Count);
        failures.Should().BeEmpty();
        ExpectedValueFailures.Should().BeEmpty("the sample should need no exceptions; if one is added, say why");
    }
}
