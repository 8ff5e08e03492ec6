using LeicsPerformance.Domain.Periods;
using LeicsPerformance.Domain.Ratings;
using LeicsPerformance.Domain.Values;

namespace LeicsPerformance.Web.Data.Entities;

public sealed class ReportingPeriodRow
{
    public int Id { get; set; }

    public required string Code { get; set; }

    public required PeriodKind Kind { get; set; }

    public required string Label { get; set; }

    public DateOnly StartDate { get; set; }

    public DateOnly EndDate { get; set; }
}

/// <summary>One load of data: the seed, an upload or a command-line import. Every write belongs to one.</summary>
public sealed class DataLoad
{
    public int Id { get; set; }

    public required LoadKind Kind { get; set; }

    public required string FileName { get; set; }

    /// <summary>The file's SHA-256 (<see cref="Sha256Of"/>): a file already loaded and not reverted is not loaded again.</summary>
    public required string Sha256 { get; set; }

    /// <summary>A file's SHA-256 as a load records it, lower-case hex.</summary>
    public static string Sha256Of(byte[] content) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content));

    public DateTimeOffset LoadedAt { get; set; }

    public string LoadedBy { get; set; } = string.Empty;

    public int RowsRead { get; set; }

    public int RowsAdded { get; set; }

    public int RowsChanged { get; set; }

    public int RowsUnchanged { get; set; }

    public int RowsRejected { get; set; }

    public DateTimeOffset? RevertedAt { get; set; }
}

public sealed class IndicatorValue
{
    public long Id { get; set; }

    public int IndicatorId { get; set; }

    public Indicator Indicator { get; set; } = null!;

    public int AreaId { get; set; }

    public Area Area { get; set; } = null!;

    public int PeriodId { get; set; }

    public ReportingPeriodRow Period { get; set; } = null!;

    public decimal? Value { get; set; }

    public required ValueStatus Status { get; set; }

    public string AsPrinted { get; set; } = string.Empty;

    public string Note { get; set; } = string.Empty;

    /// <summary>What the value was worked out from, where the release publishes it (a count over a population).</summary>
    public decimal? Numerator { get; set; }

    public decimal? Denominator { get; set; }

    /// <summary>The published 95% confidence limits, in the value's units.</summary>
    public decimal? LowerLimit { get; set; }

    public decimal? UpperLimit { get; set; }

    public int DataLoadId { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

public sealed class IndicatorValueHistory
{
    public long Id { get; set; }

    public int IndicatorId { get; set; }

    public int AreaId { get; set; }

    public int PeriodId { get; set; }

    public decimal? OldValue { get; set; }

    public ValueStatus? OldStatus { get; set; }

    public string? OldAsPrinted { get; set; }

    public decimal? NewValue { get; set; }

    public ValueStatus? NewStatus { get; set; }

    public string? NewAsPrinted { get; set; }

    public int DataLoadId { get; set; }

    public DataLoad DataLoad { get; set; } = null!;

    public DateTimeOffset ChangedAt { get; set; }
}

/// <summary>What officers report for an indicator and period besides the value.</summary>
public sealed class IndicatorAssessment
{
    public long Id { get; set; }

    public int IndicatorId { get; set; }

    public int PeriodId { get; set; }

    public string TargetText { get; set; } = string.Empty;

    public string Commentary { get; set; } = string.Empty;

    /// <summary>The arrow officers printed, where it differs from the rule ("no real change" by judgement).</summary>
    public Direction? OfficerDirection { get; set; }

    public string ReportedQuartile { get; set; } = string.Empty;

    public int? QuartileBest { get; set; }

    public int? QuartileWorst { get; set; }

    public string QuartileNote { get; set; } = string.Empty;

    public string? QuartileGroupCode { get; set; }

    public bool DefinitionChanged { get; set; }

    /// <summary>The marker officers printed (<see cref="Marker.None"/> when they chose none), or null when none was recorded.</summary>
    public Marker? OfficerMarker { get; set; }

    /// <summary>Where the figure shown in this period's column is for another period ("32.4% (2021)"): that period.</summary>
    public int? ValuePeriodId { get; set; }

    public int DataLoadId { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
