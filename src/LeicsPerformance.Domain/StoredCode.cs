namespace LeicsPerformance.Domain;

/// <summary>
/// Reads back the text code a value is stored under ("published", "high", "quarterly"). Each concept writes its code
/// with its own <c>ToCode</c>; reading accepts exactly those codes, so a stored code that is not one of them is
/// reported as corrupt data, naming it, rather than read as a default.
/// </summary>
public static class StoredCode
{
    public static T Read<T>(string? code, Func<T, string> toCode)
        where T : struct, Enum
    {
        foreach (var value in Enum.GetValues<T>())
        {
            if (string.Equals(toCode(value), code, StringComparison.Ordinal))
            {
                return value;
            }
        }

        throw Corrupt(typeof(T).Name, code, string.Join(", ", Enum.GetValues<T>().Select(v => toCode(v))));
    }

    public static FormatException Corrupt(string concept, string? code, string expected) =>
        new($"The stored {concept} code '{code}' is not one this version knows ({expected}): the row is corrupt or was written by another version.");
}
