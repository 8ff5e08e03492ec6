using System.Text;
using LeicsPerformance.Web.Data.Entities;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace LeicsPerformance.Web.Data;

/// <summary>
/// The indicator store.
/// </summary>
/// <remarks>
/// The schema is owned by the numbered SQL scripts in <c>Data/Schema</c>, applied by <see cref="SchemaMigrator"/>;
/// EF Core only maps it. Table names are given here; column names are the properties in snake_case. A test
/// (<c>SchemaMappingTests</c>) checks every mapped column exists in the migrated database, so a new property
/// without a script fails the build's tests rather than production.
/// </remarks>
public sealed class PerformanceDbContext(DbContextOptions<PerformanceDbContext> options)
    : IdentityDbContext<AppUser, IdentityRole, string>(options), IDataProtectionKeyContext
{
    public DbSet<Area> Areas => Set<Area>();

    public DbSet<AreaPopulation> AreaPopulations => Set<AreaPopulation>();

    public DbSet<ComparatorGroup> ComparatorGroups => Set<ComparatorGroup>();

    public DbSet<ComparatorGroupMember> ComparatorGroupMembers => Set<ComparatorGroupMember>();

    public DbSet<Theme> Themes => Set<Theme>();

    public DbSet<Dashboard> Dashboards => Set<Dashboard>();

    public DbSet<DashboardSection> DashboardSections => Set<DashboardSection>();

    public DbSet<Indicator> Indicators => Set<Indicator>();

    public DbSet<IndicatorLineage> Lineage => Set<IndicatorLineage>();

    public DbSet<ReportingPeriodRow> Periods => Set<ReportingPeriodRow>();

    public DbSet<DataLoad> DataLoads => Set<DataLoad>();

    public DbSet<IndicatorValue> Values => Set<IndicatorValue>();

    public DbSet<IndicatorValueHistory> ValueHistory => Set<IndicatorValueHistory>();

    public DbSet<IndicatorAssessment> Assessments => Set<IndicatorAssessment>();

    public DbSet<Committee> Committees => Set<Committee>();

    public DbSet<CommitteeScope> CommitteeScopes => Set<CommitteeScope>();

    public DbSet<CommitteeMeeting> CommitteeMeetings => Set<CommitteeMeeting>();

    public DbSet<QuestioningPrompt> QuestioningPrompts => Set<QuestioningPrompt>();

    public DbSet<PublishedCommitteeReport> CommitteeReports => Set<PublishedCommitteeReport>();

    public DbSet<CommitteeQuestion> CommitteeQuestions => Set<CommitteeQuestion>();

    public DbSet<PendingUpload> PendingUploads => Set<PendingUpload>();

    public DbSet<LoadRevert> LoadReverts => Set<LoadRevert>();

    /// <summary>The data-protection keys every app instance shares (011_instances_agree.sql).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<AppUser>().ToTable("app_user");
        modelBuilder.Entity<IdentityRole>().ToTable("app_role");
        modelBuilder.Entity<IdentityUserRole<string>>().ToTable("app_user_role");
        modelBuilder.Entity<IdentityUserClaim<string>>().ToTable("app_user_claim");
        modelBuilder.Entity<IdentityUserLogin<string>>().ToTable("app_user_login");
        modelBuilder.Entity<IdentityUserToken<string>>().ToTable("app_user_token");
        modelBuilder.Entity<IdentityRoleClaim<string>>().ToTable("app_role_claim");

        modelBuilder.Entity<Area>().ToTable("area");
        modelBuilder.Entity<Area>().HasMany(a => a.Populations).WithOne().HasForeignKey(p => p.AreaId);
        modelBuilder.Entity<AreaPopulation>().ToTable("area_population").HasKey(p => new { p.AreaId, p.Year });
        modelBuilder.Entity<ComparatorGroup>().ToTable("comparator_group");
        modelBuilder.Entity<ComparatorGroup>().HasMany(g => g.Members).WithOne().HasForeignKey(m => m.ComparatorGroupId);
        modelBuilder.Entity<ComparatorGroupMember>().ToTable("comparator_group_member").HasKey(m => new { m.ComparatorGroupId, m.AreaId });
        modelBuilder.Entity<Theme>().ToTable("theme");
        modelBuilder.Entity<Theme>().HasMany(t => t.Dashboards).WithOne(d => d.Theme).HasForeignKey(d => d.ThemeId);
        modelBuilder.Entity<Dashboard>().ToTable("dashboard");
        modelBuilder.Entity<Dashboard>().HasMany(d => d.Sections).WithOne().HasForeignKey(s => s.DashboardId);
        modelBuilder.Entity<Dashboard>().HasMany(d => d.Indicators).WithOne(i => i.Dashboard).HasForeignKey(i => i.DashboardId);
        modelBuilder.Entity<DashboardSection>().ToTable("dashboard_section");
        modelBuilder.Entity<Indicator>().ToTable("indicator");
        modelBuilder.Entity<IndicatorLineage>().ToTable("indicator_lineage").HasKey(l => l.IndicatorId);
        modelBuilder.Entity<IndicatorLineage>().Property(l => l.IndicatorId).ValueGeneratedNever();
        modelBuilder.Entity<IndicatorLineage>().HasOne(l => l.Indicator).WithOne().HasForeignKey<IndicatorLineage>(l => l.IndicatorId);
        modelBuilder.Entity<IndicatorLineage>().HasOne(l => l.Continues).WithOne().HasForeignKey<IndicatorLineage>(l => l.ContinuesIndicatorId);
        modelBuilder.Entity<ReportingPeriodRow>().ToTable("reporting_period");
        modelBuilder.Entity<DataLoad>().ToTable("data_load");
        modelBuilder.Entity<IndicatorValue>().ToTable("indicator_value");
        modelBuilder.Entity<IndicatorValue>().Property(v => v.UpdatedAt).HasDefaultValueSql("now()");
        modelBuilder.Entity<IndicatorValueHistory>().ToTable("indicator_value_history");
        modelBuilder.Entity<IndicatorAssessment>().ToTable("indicator_assessment");
        modelBuilder.Entity<DataLoad>().Property(l => l.LoadedAt).HasDefaultValueSql("now()");

        // Committees (004_committees.sql). A load of made-up figures is flagged so every page showing them can say so;
        // a shadow property, read with EF.Property<bool>(load, "IsIllustrative").
        modelBuilder.Entity<DataLoad>().Property<bool>("IsIllustrative");
        modelBuilder.Entity<Committee>().ToTable("committee");
        modelBuilder.Entity<CommitteeScope>().ToTable("committee_scope");
        modelBuilder.Entity<CommitteeMeeting>().ToTable("committee_meeting").Ignore(m => m.IsIllustrative);
        modelBuilder.Entity<QuestioningPrompt>().ToTable("questioning_prompt");
        modelBuilder.Entity<PublishedCommitteeReport>().ToTable("committee_report");
        modelBuilder.Entity<PublishedCommitteeReport>().Property(r => r.Snapshot).HasColumnType("jsonb");
        modelBuilder.Entity<PublishedCommitteeReport>().Property(r => r.PublishedAt).HasDefaultValueSql("now()");
        modelBuilder.Entity<CommitteeQuestion>().ToTable("committee_question");
        modelBuilder.Entity<CommitteeQuestion>().Property(q => q.RecordedAt).HasDefaultValueSql("now()");
        modelBuilder.Entity<PendingUpload>().ToTable("pending_upload");
        modelBuilder.Entity<PendingUpload>().Property(p => p.Expected).HasColumnType("jsonb");
        modelBuilder.Entity<PendingUpload>().Property(p => p.CreatedAt).HasDefaultValueSql("now()");
        modelBuilder.Entity<LoadRevert>().ToTable("load_revert").HasKey(r => r.LoadId);
        modelBuilder.Entity<LoadRevert>().Property(r => r.LoadId).ValueGeneratedNever();
        modelBuilder.Entity<DataProtectionKey>().ToTable("data_protection_key");
        Conversions.Apply(modelBuilder);

        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties())
            {
                property.SetColumnName(SnakeCase(property.Name));
            }
        }
    }

    /// <summary>"ComparatorGroupCode" → "comparator_group_code"; "Sha256" → "sha256".</summary>
    internal static string SnakeCase(string name)
    {
        var sb = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0 && !char.IsUpper(name[i - 1]))
            {
                sb.Append('_');
            }

            sb.Append(char.ToLowerInvariant(c));
        }

        return sb.ToString();
    }
}
