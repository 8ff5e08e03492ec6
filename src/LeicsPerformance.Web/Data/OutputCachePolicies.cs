namespace LeicsPerformance.Web.Data;

public static class OutputCachePolicies
{
    /// <summary>Pages and API answers computed from indicator data: cached until the data version moves.</summary>
    public const string Data = "data";
}
