using LeicsPerformance.Domain.Periods;
using LeicsPerformance.Domain.Ratings;
using LeicsPerformance.Domain.Values;
using LeicsPerformance.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace LeicsPerformance.Web.Data;

/// <summary>
/// The typed catalogue and values, stored as the text codes the schema's check constraints name: one converter per
/// concept, each the Domain's own ToCode / FromCode pair, so a code is written in one place. Reading a code that is
/// not one of them throws, naming it (corrupt data), rather than falling back to a default.
/// </summary>
public static class Conversions
{
    public static readonly ValueConverter<ValueStatus, string> Status = new(s => s.ToCode(), c => ValueStatusText.FromCode(c));

    public static readonly ValueConverter<Polarity, string> Polarity = new(p => p.ToCode(), c => PolarityText.FromCode(c));

    public static readonly ValueConverter<Unit, string> Unit = new(u => ValueFormat.UnitCode(u), c => ValueFormat.UnitFromCode(c));

    public static readonly ValueConverter<Scale, string> Scale = new(s => ValueFormat.ScaleCode(s), c => ValueFormat.ScaleFromCode(c));

    public static readonly ValueConverter<Frequency, string> Frequency = new(f => f.ToCode(), c => FrequencyText.FromCode(c));

    public static readonly ValueConverter<LoadKind, string> LoadKind = new(k => k.ToCode(), c => LoadKinds.FromCode(c));

    public static readonly ValueConverter<NoRealChangeRule, string> NoRealChangeRule = new(r => r.Code, c => Domain.Ratings.NoRealChangeRule.FromCode(c));

    public static readonly ValueConverter<PeriodKind, string> PeriodKind = new(k => k.ToCode(), c => PeriodKindText.FromCode(c));

    public static readonly ValueConverter<Direction, string> Direction = new(d => d.ToCode(), c => DirectionText.FromCode(c));

    public static readonly ValueConverter<Marker, string> Marker = new(m => m.ToCode(), c => Markers.FromCode(c));

    public static readonly ValueConverter<PendingUploadKind, string> PendingUploadKind = new(k => k.ToCode(), c => PendingUploadKinds.FromCode(c));

    public static readonly ValueConverter<PromptKind, string> PromptKind = new(k => k.ToCode(), c => PromptKinds.FromCode(c));

    internal static void Apply(ModelBuilder modelBuilder)
    {
        var indicator = modelBuilder.Entity<Indicator>();
        indicator.Property(i => i.Polarity).HasConversion(Polarity);
        indicator.Property(i => i.Unit).HasConversion(Unit);
        indicator.Property(i => i.Scale).HasConversion(Scale);
        indicator.Property(i => i.Frequency).HasConversion(Frequency);
        indicator.Property(i => i.NoRealChangeRule).HasConversion(NoRealChangeRule);
        modelBuilder.Entity<IndicatorValue>().Property(v => v.Status).HasConversion(Status);
        modelBuilder.Entity<IndicatorValueHistory>().Property(h => h.OldStatus).HasConversion(Status);
        modelBuilder.Entity<IndicatorValueHistory>().Property(h => h.NewStatus).HasConversion(Status);
        modelBuilder.Entity<DataLoad>().Property(l => l.Kind).HasConversion(LoadKind);
        modelBuilder.Entity<ReportingPeriodRow>().Property(p => p.Kind).HasConversion(PeriodKind);
        modelBuilder.Entity<IndicatorAssessment>().Property(a => a.OfficerDirection).HasConversion(Direction);
        modelBuilder.Entity<IndicatorAssessment>().Property(a => a.OfficerMarker).HasConversion(Marker);
        modelBuilder.Entity<PendingUpload>().Property(p => p.Kind).HasConversion(PendingUploadKind);
        modelBuilder.Entity<QuestioningPrompt>().Property(p => p.Kind).HasConversion(PromptKind);
    }
}
