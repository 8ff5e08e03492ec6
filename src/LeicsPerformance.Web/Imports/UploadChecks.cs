using System.Text;

namespace LeicsPerformance.Web.Imports;

/// <summary>
/// What can be said about an uploaded file before it is read as CSV: a spreadsheet saved in its own format,
/// UTF-16 ("Unicode text"), or other binary content. The CSV reader would otherwise report these as missing
/// headings, or (for UTF-16 with a byte-order mark) quietly accept a format the CSV rules do not allow.
/// </summary>
public static class UploadChecks
{
    /// <summary>A plain-English reason the bytes are not a UTF-8 CSV file, or null when they may be one.</summary>
    public static string? NotCsvText(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith("PK\u0003\u0004"u8))
        {
            return "The file is an Excel workbook or another zip file, not CSV. In Excel, choose File, Save As, and the type 'CSV UTF-8 (comma delimited)', then upload that file.";
        }

        if (content.StartsWith(new byte[] { 0xD0, 0xCF, 0x11, 0xE0 }))
        {
            return "The file is an older Excel (.xls) or Word file, not CSV. In Excel, choose File, Save As, and the type 'CSV UTF-8 (comma delimited)', then upload that file.";
        }

        if (content.StartsWith("%PDF"u8))
        {
            return "The file is a PDF, not CSV. Upload the values as a CSV file: download a template from the returns page to start from.";
        }

        if (content.StartsWith(new byte[] { 0xFF, 0xFE }) || content.StartsWith(new byte[] { 0xFE, 0xFF }) || LooksLikeUtf16WithoutMark(content))
        {
            return "The file is saved as UTF-16 ('Unicode text'), not UTF-8. In Excel, choose File, Save As, and the type 'CSV UTF-8 (comma delimited)'.";
        }

        if (content.IndexOf((byte)0) >= 0)
        {
            return "The file is not text (it contains binary data): is it a spreadsheet or another kind of file? Save it as 'CSV UTF-8 (comma delimited)'.";
        }

        try
        {
            _ = new UTF8Encoding(false, throwOnInvalidBytes: true).GetCharCount(content);
        }
        catch (DecoderFallbackException)
        {
            return "The file is not UTF-8 text: it may have been saved as 'CSV (comma delimited)' in an older encoding, which garbles £ and other symbols. In Excel, choose File, Save As, and the type 'CSV UTF-8 (comma delimited)'.";
        }

        return null;
    }

    /// <summary>ASCII text saved as UTF-16 has a zero byte in every other position.</summary>
    private static bool LooksLikeUtf16WithoutMark(ReadOnlySpan<byte> content)
    {
        var sample = content[..Math.Min(content.Length, 512)];
        if (sample.Length < 4)
        {
            return false;
        }

        int evenZeros = 0, oddZeros = 0;
        for (var i = 0; i < sample.Length; i++)
        {
            if (sample[i] == 0)
            {
                if (i % 2 == 0)
                {
                    evenZeros++;
                }
                else
                {
                    oddZeros++;
                }
            }
        }

        var half = sample.Length / 2;
        return evenZeros > half * 0.4 || oddZeros > half * 0.4;
    }
}
