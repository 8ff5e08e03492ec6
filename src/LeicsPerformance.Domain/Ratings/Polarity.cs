namespace LeicsPerformance.Domain.Ratings;

/// <summary>
/// Whether a high or a low figure represents good performance ("The polarity column indicates whether a high
/// or low figure represents good performance"). Some indicators have none: they are context, not performance.
/// </summary>
public enum Polarity
{
    None,
    HighIsGood,
    LowIsGood,
}

public static class PolarityText
{
    /// <summary>Reads the printed column: High, Low, or N/A / NA / blank for none.</summary>
    public static bool TryParse(string? text, out Polarity polarity)
    {
        switch ((text ?? string.Empty).Trim().ToUpperInvariant())
        {
            case "HIGH" or "H" or "HIGH IS GOOD" or "HIGHER IS BETTER":
                polarity = Polarity.HighIsGood;
                return true;
            case "LOW" or "L" or "LOW IS GOOD" or "LOWER IS BETTER":
                polarity = Polarity.LowIsGood;
                return true;
            case "" or "N/A" or "NA" or "NONE" or "\u2010" or "-":
                polarity = Polarity.None;
                return true;
            default:
                polarity = Polarity.None;
                return false;
        }
    }

    public static string ToCode(this Polarity polarity) => polarity switch
    {
        Polarity.HighIsGood => "high",
        Polarity.LowIsGood => "low",
        _ => "none",
    };

    /// <summary>Reads a stored code (high, low, none); anything else is corrupt data.</summary>
    public static Polarity FromCode(string code) => StoredCode.Read<Polarity>(code, ToCode);

    public static string Describe(this Polarity polarity) => polarity switch
    {
        Polarity.HighIsGood => "higher is better",
        Polarity.LowIsGood => "lower is better",
        _ => "no polarity (neither higher nor lower is better)",
    };
}
