namespace LeicsPerformance.Domain.Periods;

/// <summary>The kinds of period the council's figures are reported for.</summary>
public enum PeriodKind
{
    /// <summary>April to March, written 2017/18 or 2017-18.</summary>
    FinancialYear,

    /// <summary>A quarter of a financial year: Q1 is April–June, Q4 is January–March.</summary>
    FinancialQuarter,

    /// <summary>January to December, written 2017.</summary>
    CalendarYear,

    /// <summary>September to August, written "AY 2017/18" or "2017/18 academic year".</summary>
    AcademicYear,

    /// <summary>A single "as at" date, such as a snapshot count.</summary>
    PointDate,
}

public static class PeriodKindText
{
    /// <summary>The stored code (<c>reporting_period.kind</c>): the kind's own name, "FinancialYear", "FinancialQuarter"….</summary>
    public static string ToCode(this PeriodKind kind) => kind switch
    {
        PeriodKind.FinancialYear => nameof(PeriodKind.FinancialYear),
        PeriodKind.FinancialQuarter => nameof(PeriodKind.FinancialQuarter),
        PeriodKind.CalendarYear => nameof(PeriodKind.CalendarYear),
        PeriodKind.AcademicYear => nameof(PeriodKind.AcademicYear),
        _ => nameof(PeriodKind.PointDate),
    };

    /// <summary>Reads a stored code; anything else is corrupt data.</summary>
    public static PeriodKind FromCode(string code) => StoredCode.Read<PeriodKind>(code, ToCode);
}
