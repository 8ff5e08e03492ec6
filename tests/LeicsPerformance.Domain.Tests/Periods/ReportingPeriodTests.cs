using System.Globalization;
using LeicsPerformance.Domain.Periods;
using LeicsPerformance.Domain.Tests.TestData;

namespace LeicsPerformance.Domain.Tests.Periods;

public class ReportingPeriodTests
{
    private static DateOnly Date(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Theory]
    // Codes
    [InlineData("FY2017", PeriodKind.FinancialYear, 2017, 0, "2017-04-01", "2018-03-31")]
    [InlineData("FY2021Q1", PeriodKind.FinancialQuarter, 2021, 1, "2021-04-01", "2021-06-30")]
    [InlineData("FY2021Q4", PeriodKind.FinancialQuarter, 2021, 4, "2022-01-01", "2022-03-31")]
    [InlineData("CY2017", PeriodKind.CalendarYear, 2017, 0, "2017-01-01", "2017-12-31")]
    [InlineData("AY2017", PeriodKind.AcademicYear, 2017, 0, "2017-09-01", "2018-08-31")]
    [InlineData("D2018-03-31", PeriodKind.PointDate, 2018, 0, "2018-03-31", "2018-03-31")]
    // Financial years as worded in the papers
    [InlineData("2017/18", PeriodKind.FinancialYear, 2017, 0, "2017-04-01", "2018-03-31")]
    [InlineData("2017-18", PeriodKind.FinancialYear, 2017, 0, "2017-04-01", "2018-03-31")]
    [InlineData("2017\u201018", PeriodKind.FinancialYear, 2017, 0, "2017-04-01", "2018-03-31")]
    [InlineData("2017/2018", PeriodKind.FinancialYear, 2017, 0, "2017-04-01", "2018-03-31")]
    [InlineData("End of Yr 2017/18", PeriodKind.FinancialYear, 2017, 0, "2017-04-01", "2018-03-31")]
    [InlineData("End of Yr 2016/17", PeriodKind.FinancialYear, 2016, 0, "2016-04-01", "2017-03-31")]
    [InlineData("  end of  year 2017/18 ", PeriodKind.FinancialYear, 2017, 0, "2017-04-01", "2018-03-31")]
    [InlineData("1999/00", PeriodKind.FinancialYear, 1999, 0, "1999-04-01", "2000-03-31")]
    // Quarters
    [InlineData("Q1 2021/22", PeriodKind.FinancialQuarter, 2021, 1, "2021-04-01", "2021-06-30")]
    [InlineData("Quarter One 2021-22 (April \u2013 June)", PeriodKind.FinancialQuarter, 2021, 1, "2021-04-01", "2021-06-30")]
    [InlineData("first quarter (April to June) of 2021-22", PeriodKind.FinancialQuarter, 2021, 1, "2021-04-01", "2021-06-30")]
    [InlineData("2021/22 Q1", PeriodKind.FinancialQuarter, 2021, 1, "2021-04-01", "2021-06-30")]
    [InlineData("Q2 2021/22", PeriodKind.FinancialQuarter, 2021, 2, "2021-07-01", "2021-09-30")]
    [InlineData("Quarter Three 2021-22 (October \u2013 December)", PeriodKind.FinancialQuarter, 2021, 3, "2021-10-01", "2021-12-31")]
    [InlineData("fourth quarter of 2020/21", PeriodKind.FinancialQuarter, 2020, 4, "2021-01-01", "2021-03-31")]
    // Calendar and academic years, dates
    [InlineData("2017", PeriodKind.CalendarYear, 2017, 0, "2017-01-01", "2017-12-31")]
    [InlineData("Calendar year 2017", PeriodKind.CalendarYear, 2017, 0, "2017-01-01", "2017-12-31")]
    [InlineData("AY 2017/18", PeriodKind.AcademicYear, 2017, 0, "2017-09-01", "2018-08-31")]
    [InlineData("2017/18 academic year", PeriodKind.AcademicYear, 2017, 0, "2017-09-01", "2018-08-31")]
    [InlineData("as at 31/03/2018", PeriodKind.PointDate, 2018, 0, "2018-03-31", "2018-03-31")]
    [InlineData("31/03/2018", PeriodKind.PointDate, 2018, 0, "2018-03-31", "2018-03-31")]
    [InlineData("31 March 2018", PeriodKind.PointDate, 2018, 0, "2018-03-31", "2018-03-31")]
    [InlineData("As of 1 April 2021", PeriodKind.PointDate, 2021, 0, "2021-04-01", "2021-04-01")]
    public void Parses_codes_and_the_councils_wordings(string text, PeriodKind kind, int year, int quarter, string start, string end)
    {
        var period = ReportingPeriod.Parse(text);

        period.Kind.Should().Be(kind);
        period.Year.Should().Be(year);
        period.Quarter.Should().Be(quarter);
        period.Start.Should().Be(Date(start));
        period.End.Should().Be(Date(end));
    }

    [Theory]
    [InlineData("2017/19")]
    [InlineData("2017/17")]
    [InlineData("Q5 2021/22")]
    [InlineData("Q0 2021/22")]
    [InlineData("Quarter Five 2021-22")]
    [InlineData("FY2017Q5")]
    [InlineData("D2018-02-30")]
    [InlineData("31/02/2018")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("banana")]
    [InlineData("17/18")]
    public void Rejects_text_that_is_not_a_period(string? text)
    {
        ReportingPeriod.TryParse(text, out _).Should().BeFalse();
    }

    [Theory]
    [InlineData(null, true, null)]
    [InlineData("", true, null)]
    [InlineData("  ", true, null)]
    [InlineData("2021/22", true, "FY2021")]
    [InlineData("Q1 2021/22", true, "FY2021Q1")]
    [InlineData("banana", false, null)]
    public void An_optional_period_may_be_blank_but_not_wrong(string? text, bool accepted, string? code)
    {
        ReportingPeriod.TryParseOptional(text, out var period).Should().Be(accepted);
        period?.Code.Should().Be(code);
        (period is null).Should().Be(code is null);
    }

    [Theory]
    [InlineData("2017/19")]
    [InlineData("banana")]
    public void Parse_error_names_the_text_and_gives_examples(string text)
    {
        var act = () => ReportingPeriod.Parse(text);

        act.Should().Throw<FormatException>()
            .Which.Message.Should().Contain($"'{text}'").And.Contain("2017/18");
    }

    [Theory]
    [InlineData(1, "2021-04-01", "2021-06-30")]
    [InlineData(2, "2021-07-01", "2021-09-30")]
    [InlineData(3, "2021-10-01", "2021-12-31")]
    [InlineData(4, "2022-01-01", "2022-03-31")]
    public void Financial_quarters_run_april_to_march(int quarter, string start, string end)
    {
        var period = ReportingPeriod.FinancialQuarter(2021, quarter);

        period.Start.Should().Be(Date(start));
        period.End.Should().Be(Date(end));
        period.FinancialYearOf().Should().Be(ReportingPeriod.FinancialYear(2021));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    public void A_quarter_outside_one_to_four_is_refused(int quarter)
    {
        var act = () => ReportingPeriod.FinancialQuarter(2021, quarter);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Theory]
    [InlineData("FY2021Q1", "FY2020Q4")]
    [InlineData("FY2021Q2", "FY2021Q1")]
    [InlineData("FY2021Q4", "FY2021Q3")]
    [InlineData("FY2017", "FY2016")]
    [InlineData("CY2017", "CY2016")]
    [InlineData("AY2017", "AY2016")]
    [InlineData("D2018-03-31", "D2017-03-31")]
    public void Previous_is_the_period_before_of_the_same_kind(string code, string expectedPrevious)
    {
        ReportingPeriod.Parse(code).Previous().Code.Should().Be(expectedPrevious);
    }

    [Theory]
    [InlineData("FY2020Q4", "FY2021Q1")]
    [InlineData("FY2021Q1", "FY2021Q2")]
    [InlineData("FY2021Q3", "FY2021Q4")]
    [InlineData("FY2016", "FY2017")]
    [InlineData("CY2016", "CY2017")]
    [InlineData("AY2016", "AY2017")]
    [InlineData("D2017-03-31", "D2018-03-31")]
    public void Next_is_the_period_after_of_the_same_kind_and_its_previous_is_this_one(string code, string expectedNext)
    {
        var next = ReportingPeriod.Parse(code).Next();

        next.Code.Should().Be(expectedNext);
        next.Previous().Code.Should().Be(code);
    }

    [Fact]
    public void Previous_of_quarter_one_2021_22_is_january_to_march_2021()
    {
        var previous = ReportingPeriod.Parse("Q1 2021/22").Previous();

        previous.Should().Be(ReportingPeriod.FinancialQuarter(2020, 4));
        previous.Label.Should().Be("Q4 2020/21");
        previous.Start.Should().Be(new DateOnly(2021, 1, 1));
        previous.End.Should().Be(new DateOnly(2021, 3, 31));
    }

    [Theory]
    [InlineData("FY2021Q3", "FY2020Q3")]
    [InlineData("FY2021Q1", "FY2020Q1")]
    [InlineData("FY2017", "FY2016")]
    [InlineData("CY2017", "CY2016")]
    [InlineData("AY2017", "AY2016")]
    [InlineData("D2018-03-31", "D2017-03-31")]
    public void Same_period_last_year(string code, string expected)
    {
        ReportingPeriod.Parse(code).SamePeriodLastYear().Code.Should().Be(expected);
    }

    [Fact]
    public void Same_quarter_last_year_of_q3_2021_22_is_october_to_december_2020()
    {
        var q = ReportingPeriod.Parse("Q3 2021/22").SamePeriodLastYear();

        q.Label.Should().Be("Q3 2020/21");
        q.Start.Should().Be(new DateOnly(2020, 10, 1));
        q.End.Should().Be(new DateOnly(2020, 12, 31));
    }

    [Theory]
    [InlineData("CY2017")]
    [InlineData("AY2017")]
    [InlineData("D2018-03-31")]
    public void Only_financial_periods_belong_to_a_financial_year(string code)
    {
        ReportingPeriod.Parse(code).FinancialYearOf().Should().BeNull();
    }

    [Theory]
    [InlineData("FY2017", "2017/18", "Financial year 2017/18")]
    [InlineData("FY2021Q1", "Q1 2021/22", "Quarter One 2021-22 (April \u2013 June)")]
    [InlineData("FY2021Q2", "Q2 2021/22", "Quarter Two 2021-22 (July \u2013 September)")]
    [InlineData("FY2021Q3", "Q3 2021/22", "Quarter Three 2021-22 (October \u2013 December)")]
    [InlineData("FY2021Q4", "Q4 2021/22", "Quarter Four 2021-22 (January \u2013 March)")]
    [InlineData("FY1999", "1999/00", "Financial year 1999/00")]
    [InlineData("CY2017", "2017", "Calendar year 2017")]
    [InlineData("AY2017", "2017/18 (academic)", "Academic year 2017/18")]
    [InlineData("D2018-03-31", "31 Mar 2018", "As at 31 March 2018")]
    public void Label_and_long_label_use_the_councils_wording(string code, string label, string longLabel)
    {
        var period = ReportingPeriod.Parse(code);

        period.Label.Should().Be(label);
        period.LongLabel.Should().Be(longLabel);
        period.ToString().Should().Be(label);
    }

    [Theory]
    [InlineData("FY2017")]
    [InlineData("FY2021Q1")]
    [InlineData("FY2021Q4")]
    [InlineData("CY2017")]
    [InlineData("AY2017")]
    [InlineData("D2018-03-31")]
    [InlineData("D2024-02-29")]
    [InlineData("D2018-09-30")]
    public void Code_label_and_long_label_all_round_trip_through_parse(string code)
    {
        var period = ReportingPeriod.Parse(code);

        period.Code.Should().Be(code);
        ReportingPeriod.Parse(period.Code).Should().Be(period);
        ReportingPeriod.Parse(period.Label).Should().Be(period, "the label '{0}' should read back", period.Label);
        ReportingPeriod.Parse(period.LongLabel).Should().Be(period, "the long label '{0}' should read back", period.LongLabel);
    }

    [Theory]
    [InlineData("FY2021", "2021-22")]
    [InlineData("FY2021Q1", "2021-22-q1")]
    [InlineData("FY2021Q4", "2021-22-q4")]
    [InlineData("FY1999", "1999-00")]
    [InlineData("FY1999Q2", "1999-00-q2")]
    [InlineData("CY2021", "2021")]
    [InlineData("AY2021", "2021-22-academic")]
    [InlineData("D2018-03-31", "2018-03-31")]
    [InlineData("D2024-02-29", "2024-02-29")]
    public void The_address_form_is_readable_and_reads_back(string code, string urlForm)
    {
        var period = ReportingPeriod.Parse(code);

        period.UrlForm.Should().Be(urlForm);
        ReportingPeriod.TryParse(urlForm, out var back).Should().BeTrue();
        back.Should().Be(period);
        Uri.EscapeDataString(urlForm).Should().Be(urlForm, "an address form needs no escaping");
    }

    [Theory]
    [InlineData("FY2021Q1", "2021-22-q1")]
    [InlineData("q1-2021-22", "2021-22-q1")]
    [InlineData("Q1-2021-22", "2021-22-q1")]
    [InlineData("2021-22-Q1", "2021-22-q1")]
    [InlineData("Q1 2021/22", "2021-22-q1")]
    [InlineData("2021/22", "2021-22")]
    [InlineData("FY2021", "2021-22")]
    [InlineData("CY2021", "2021")]
    [InlineData("AY2021", "2021-22-academic")]
    [InlineData("2021/22 academic", "2021-22-academic")]
    [InlineData("D2018-03-31", "2018-03-31")]
    [InlineData("31/03/2018", "2018-03-31")]
    public void Older_forms_in_addresses_read_as_the_period_of_its_address_form(string text, string urlForm)
    {
        ReportingPeriod.Parse(text).UrlForm.Should().Be(urlForm);
    }

    [Theory]
    [InlineData("2021-22-q5")]
    [InlineData("2021-23-q1")]
    [InlineData("2021-22-academy")]
    [InlineData("q0-2021-22")]
    public void Address_forms_that_are_no_period_are_refused(string text)
    {
        ReportingPeriod.TryParse(text, out _).Should().BeFalse();
    }

    [Fact]
    public void The_address_form_round_trips_for_every_period_of_a_decade()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var year = 2015; year <= 2025; year++)
        {
            foreach (var period in new[] { ReportingPeriod.FinancialYear(year), ReportingPeriod.CalendarYear(year), ReportingPeriod.AcademicYear(year), ReportingPeriod.PointDate(new DateOnly(year, 3, 31)) }
                .Concat(Enumerable.Range(1, 4).Select(q => ReportingPeriod.FinancialQuarter(year, q))))
            {
                ReportingPeriod.Parse(period.UrlForm).Should().Be(period);
                seen.Add(period.UrlForm).Should().BeTrue("no two periods share an address form ({0})", period.UrlForm);
            }
        }
    }

    [Fact]
    public void Code_round_trips_for_every_quarter_of_a_decade()
    {
        for (var year = 2015; year <= 2025; year++)
        {
            foreach (var period in new[] { ReportingPeriod.FinancialYear(year), ReportingPeriod.CalendarYear(year), ReportingPeriod.AcademicYear(year) }
                .Concat(Enumerable.Range(1, 4).Select(q => ReportingPeriod.FinancialQuarter(year, q))))
            {
                ReportingPeriod.Parse(period.Code).Should().Be(period);
            }
        }
    }

    [Fact]
    public void Periods_of_different_kinds_sort_by_when_they_end()
    {
        var shuffled = new[] { "AY2017", "FY2017", "FY2017Q3", "CY2017", "D2018-03-31", "FY2016", "FY2017Q4", "FY2018Q1", "CY2016" }
            .Select(ReportingPeriod.Parse)
            .ToList();

        var sorted = shuffled.Order().Select(p => p.Code).ToList();

        // Ends: CY2016 31/12/16, FY2016 31/3/17, FY2017Q3 31/12/17, CY2017 31/12/17 (starts earlier, so after the quarter),
        // then three periods ending 31/3/18 — shortest first — then FY2018Q1 30/6/18 and AY2017 31/8/18.
        sorted.Should().Equal("CY2016", "FY2016", "FY2017Q3", "CY2017", "D2018-03-31", "FY2017Q4", "FY2017", "FY2018Q1", "AY2017");
    }

    [Theory]
    [InlineData("FY2016", "FY2017", -1)]
    [InlineData("FY2017", "FY2017", 0)]
    [InlineData("FY2017Q4", "FY2017", -1)]
    [InlineData("CY2017", "FY2017Q3", 1)]
    [InlineData("AY2017", "FY2017", 1)]
    public void CompareTo_orders_by_end_then_shorter_first(string left, string right, int expectedSign)
    {
        Math.Sign(ReportingPeriod.Parse(left).CompareTo(ReportingPeriod.Parse(right))).Should().Be(expectedSign);
    }

    [Fact]
    public void Any_period_sorts_after_null()
    {
        ReportingPeriod.FinancialYear(2017).CompareTo(null).Should().BePositive();
    }

    [Fact]
    public void Every_period_in_the_sample_compendium_parses_to_the_2017_18_and_2016_17_financial_years()
    {
        var rows = SampleData.CompendiumRows;

        rows.Should().NotBeEmpty();
        rows.Select(r => ReportingPeriod.Parse(r.PeriodCurrent)).Distinct().Should().Equal(ReportingPeriod.FinancialYear(2017));
        rows.Select(r => ReportingPeriod.Parse(r.PeriodPrevious)).Distinct().Should().Equal(ReportingPeriod.FinancialYear(2016));
    }

    [Fact]
    public void Parsing_does_not_depend_on_the_current_culture()
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            ReportingPeriod.Parse("31 March 2018").Should().Be(ReportingPeriod.PointDate(new DateOnly(2018, 3, 31)));
            ReportingPeriod.Parse("Q1 2021/22").Label.Should().Be("Q1 2021/22");
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    /// <summary>Every extreme but well-formed period once crashed a page; all are now simply not periods.</summary>
    public static TheoryData<string> ExtremePeriods => new()
    {
        "FY9999", "9999/00", "AY9999", "Q1 0000/01", "FY0001", "D0001-01-01", "D9999-12-31", "CY9999", "CY0001", "FY9999Q4",
        "as at 31/12/9999", "01/01/0001", "Q4 9999/00", "FY1899", "FY2101", "\u0662\u0660\u0662\u0661/22",
    };

    [Theory]
    [MemberData(nameof(ExtremePeriods))]
    public void Extreme_periods_are_not_read(string text)
    {
        ReportingPeriod.TryParse(text, out _).Should().BeFalse();
    }

    [Fact]
    public void The_first_and_last_years_in_range_have_a_period_before_and_after()
    {
        ReportingPeriod.Parse("FY1900").Previous().Code.Should().Be("FY1899");
        ReportingPeriod.Parse("Q4 2100/01").End.Should().Be(new DateOnly(2101, 3, 31));
        ReportingPeriod.Parse("AY2100").SamePeriodLastYear().Code.Should().Be("AY2099");
    }
}
