using System.Globalization;

namespace LeicsPerformance.Domain.Values;

/// <summary>The kind of quantity an indicator measures.</summary>
public enum Unit
{
    Number,
    Count,
    Currency,
    Percent,
    Rate,
    Ratio,
    Score,
}

/// <summary>How large figures are written: £24.2bn, 13.6m, 551.0k.</summary>
public enum Scale
{
    None,
    Thousands,
    Millions,
    Billions,
}

/// <summary>
/// How an indicator's values are shown. Values are stored in base units (pounds, per cent as 48.6,
/// people as 96580); the format only changes how they are written, always in UK style.
/// </summary>
public sealed record ValueFormat(Unit Unit, int Decimals, Scale Scale = Scale.None, int? RatePer = null)
{
    private static readonly CultureInfo UK = CultureInfo.GetCultureInfo("en-GB");

    public static ValueFormat Default { get; } = new(Unit.Number, 1);

    public static decimal Multiplier(Scale scale) => scale switch
    {
        Scale.Thousands => 1_000m,
        Scale.Millions => 1_000_000m,
        Scale.Billions => 1_000_000_000m,
        _ => 1m,
    };

    public static string Suffix(Scale scale) => scale switch
    {
        Scale.Thousands => "k",
        Scale.Millions => "m",
        Scale.Billions => "bn",
        _ => string.Empty,
    };

    /// <summary>Rounds a value to the precision it is shown at, in base units.</summary>
    public decimal RoundForDisplay(decimal value) =>
        Math.Round(value / Multiplier(Scale), Decimals, MidpointRounding.AwayFromZero) * Multiplier(Scale);

    public string Format(decimal value)
    {
        var scaled = Math.Round(value / Multiplier(Scale), Decimals, MidpointRounding.AwayFromZero);
        var digits = scaled.ToString("N" + Decimals.ToString(CultureInfo.InvariantCulture), UK);
        // A true minus sign reads better than a hyphen and screen readers announce it as "minus".
        var sign = scaled < 0 ? "\u2212" : string.Empty;
        digits = digits.TrimStart('-');
        return Unit switch
        {
            Unit.Currency => $"{sign}£{digits}{Suffix(Scale)}",
            Unit.Percent => $"{sign}{digits}%",
            _ => $"{sign}{digits}{Suffix(Scale)}",
        };
    }

    /// <summary>Describes the unit for metadata: "per cent", "pounds (£)", "rate per 10,000".</summary>
    public string UnitDescription => Unit switch
    {
        Unit.Currency => "pounds (£)",
        Unit.Percent => "per cent",
        Unit.Count => "count",
        Unit.Rate when RatePer is { } per => "rate per " + per.ToString("N0", UK),
        Unit.Rate => "rate",
        Unit.Ratio => "ratio",
        Unit.Score => "score",
        _ => "number",
    };

    public static string UnitCode(Unit unit) => unit.ToString().ToLowerInvariant();

    /// <summary>Reads a stored unit code ("percent"); anything else is corrupt data.</summary>
    public static Unit UnitFromCode(string code) => StoredCode.Read<Unit>(code, UnitCode);

    /// <summary>The stored and catalogue code: none, thousands, millions or billions.</summary>
    public static string ScaleCode(Scale scale) => scale.ToString().ToLowerInvariant();

    /// <summary>Reads a stored scale code; anything else is corrupt data.</summary>
    public static Scale ScaleFromCode(string code) => StoredCode.Read<Scale>(code, ScaleCode);

    /// <summary>Reads a unit name ("percent", "Currency"). Enum.TryParse alone would also accept "5" or "Number, Count".</summary>
    public static bool TryParseUnit(string? text, out Unit unit)
    {
        var s = (text ?? string.Empty).Trim();
        unit = default;
        return s.Length > 0 && s.All(char.IsAsciiLetter) && Enum.TryParse(s, ignoreCase: true, out unit) && Enum.IsDefined(unit);
    }

    public static bool TryParseScale(string? text, out Scale scale)
    {
        scale = (text ?? string.Empty).Trim().ToUpperInvariant() switch
        {
            "" or "NONE" => Scale.None,
            "K" or "THOUSANDS" => Scale.Thousands,
            "M" or "MILLIONS" => Scale.Millions,
            "BN" or "BILLIONS" => Scale.Billions,
            _ => (Scale)(-1),
        };
        return Enum.IsDefined(scale);
    }
}
