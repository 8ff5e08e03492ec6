using LeicsPerformance.Domain.Ratings;

namespace LeicsPerformance.Web.Reporting;

public sealed class ReportingOptions
{
    public const string DefaultHomeAreaCode = "leicestershire";

    /// <summary>The council the dashboards are about; also the area of a return row without an area_code, and the template's.</summary>
    public string HomeAreaCode { get; set; } = DefaultHomeAreaCode;

    public MarkerRule Markers { get; set; } = MarkerRule.Default;

    /// <summary>
    /// Dashboard or theme slugs the council's headline leaves out (schools and crime, which are the responsibility of
    /// schools and the Police and Crime Commissioner). Configuration, because the dashboards change every few years.
    /// </summary>
    public IReadOnlyList<string> HeadlineExclusions { get; set; } = [];
}
