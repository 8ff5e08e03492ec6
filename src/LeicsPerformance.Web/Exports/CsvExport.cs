using System.Globalization;
using System.IO.Compression;
using System.Text;
using CsvHelper;
using Microsoft.AspNetCore.Mvc;

namespace LeicsPerformance.Web.Exports;

/// <summary>
/// Every table on screen downloads as CSV through here: UTF-8 with a BOM (so Excel reads £ and ‐ correctly),
/// invariant-culture numbers, and cells that a spreadsheet would run as a formula made inert.
/// </summary>
public static class CsvExport
{
    /// <summary>
    /// A cell beginning with = + - @ (or a tab or carriage return) is run as a formula by spreadsheets
    /// ("CSV injection"). Prefixing an apostrophe shows the text as typed and runs nothing. Plain numbers such
    /// as -0.28 are left alone: they are data, not formulas.
    /// </summary>
    public static string Neutralise(string? cell)
    {
        if (string.IsNullOrEmpty(cell))
        {
            return string.Empty;
        }

        var first = cell[0];
        if (first is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            if ((first is '-' or '+') && decimal.TryParse(cell, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _))
            {
                return cell;
            }

            return "'" + cell;
        }

        return cell;
    }

    public static string Number(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;

    public static byte[] Write(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows)
    {
        using var buffer = new MemoryStream();
        WriteTo(buffer, header, rows);
        return buffer.ToArray();
    }

    /// <summary>The same CSV, gzip-compressed as it is written (a preview's stored downloads): only the compressed bytes are held.</summary>
    public static byte[] WriteCompressed(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            WriteTo(gzip, header, rows);
        }

        return buffer.ToArray();
    }

    private static void WriteTo(Stream stream, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows)
    {
        using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true);
        using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
        foreach (var h in header)
        {
            csv.WriteField(h);
        }

        csv.NextRecord();
        foreach (var row in rows)
        {
            foreach (var cell in row)
            {
                csv.WriteField(Neutralise(cell));
            }

            csv.NextRecord();
        }
    }

    /// <summary>A file download named e.g. "fair-funding-2017-18.csv".</summary>
    public static FileContentResult File(string fileName, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows) =>
        new(Write(header, rows), "text/csv; charset=utf-8") { FileDownloadName = fileName };

    /// <summary>A download of CSV stored by <see cref="WriteCompressed"/>, decompressed as it is sent.</summary>
    public static FileStreamResult CompressedFile(string fileName, byte[] compressed) =>
        new(new GZipStream(new MemoryStream(compressed, writable: false), CompressionMode.Decompress), "text/csv; charset=utf-8") { FileDownloadName = fileName };
}
