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
