using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using LeicsPerformance.Web.Data.Entities;
using LeicsPerformance.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace LeicsPerformance.Web.Tests.Returns;

/// <summary>Signing in through the real form, uploading through the real endpoint, and fingerprinting the database.</summary>
internal static partial class ReturnsTestSupport
{
    public const string Password = "a long enough test password";

    private static readonly HtmlParser Parser = new();

    /// <summary>Creates the account (if new) through Identity, then signs in through the sign-in form with its antiforgery token.</summary>
    public static async Task<HttpClient> SignInAsync(WebApplicationFactory<Program> factory, string email, string role)
    {
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            if (await users.FindByEmailAsync(email) is null)
            {
                var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = email };
                (await users.CreateAsync(user, Password)).Succeeded.Should().BeTrue();
                (await users.AddToRoleAsync(user, role)).Succeeded.Should().BeTrue();
            }
        }

        var client = NewClient(factory);
        var token = await TokenAsync(client, "/account/sign-in");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = Password,
            ["__RequestVerificationToken"] = token,
        });
        var response = await client.PostAsync(Url("/account/sign-in"), form);
        response.StatusCode.Should().Be(HttpStatusCode.Redirect, "the sign-in form accepts {0}", email);
        return client;
    }

    public static HttpClient NewClient(WebApplicationFactory<Program> factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public static Uri Url(string path) => new(path, UriKind.Relative);

    /// <summary>The antiforgery token of the first form on a page.</summary>
    public static async Task<string> TokenAsync(HttpClient client, string page)
    {
        var response = await client.GetAsync(Url(page));
        response.StatusCode.Should().Be(HttpStatusCode.OK, "{0} should show a form", page);
        var document = Parse(await response.Content.ReadAsStringAsync());
        var token = document.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value");
        token.Should().NotBeNullOrEmpty("{0} should carry an antiforgery token", page);
        return token!;
    }

    /// <summary>Posts a file to <c>{area}/upload</c> as the upload form does (token scraped from <paramref name="area"/>).</summary>
    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string area, string fileName, byte[] content)
    {
        var token = await TokenAsync(client, area);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
        };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", fileName);
        return await client.PostAsync(Url(area + "/upload"), form);
    }

    /// <summary>Uploads and follows the redirect to the preview; returns the page and its address.</summary>
    public static async Task<(string Url, IDocument Page, HttpStatusCode Status)> UploadAndPreviewAsync(HttpClient client, string area, string fileName, byte[] content)
    {
        var upload = await UploadAsync(client, area, fileName, content);
        if (upload.StatusCode != HttpStatusCode.Redirect)
        {
            return (area + "/upload", Parse(await upload.Content.ReadAsStringAsync()), upload.StatusCode);
        }

        var location = upload.Headers.Location!.OriginalString;
        var preview = await client.GetAsync(Url(location));
        return (location, Parse(await preview.Content.ReadAsStringAsync()), preview.StatusCode);
    }

    /// <summary>Posts one of a page's forms (chosen by the id of its submit button) with the page's token.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, IDocument page, string buttonId)
    {
        var button = page.GetElementById(buttonId);
        button.Should().NotBeNull("the page should have #{0}", buttonId);
        var form = button!.Closest("form")!;
        var fields = form.QuerySelectorAll("input[type=hidden]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? string.Empty);
        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(Url(form.GetAttribute("action")!), content);
    }

    public static async Task<IDocument> PageAsync(HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.GetAsync(Url(url));
        response.StatusCode.Should().Be(expected, "GET {0}", url);
        return Parse(await response.Content.ReadAsStringAsync());
    }

    public static async Task<IDocument> PageOfAsync(HttpResponseMessage response) => Parse(await response.Content.ReadAsStringAsync());

    public static IDocument Parse(string html) => Parser.ParseDocument(html);

    /// <summary>The visible words of the page's main content, whitespace collapsed (entities decoded, tags gone).</summary>
    public static string Text(IDocument page) => Spaces().Replace((page.QuerySelector("main") ?? page.Body!).TextContent, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    public static byte[] Csv(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>
    /// One md5 per table of the public schema over every row's text, so any change to any row shows. The uploads
    /// waiting for confirmation (<c>pending_upload</c>) are left out: an upload legitimately adds one.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, string>> FingerprintAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
            "select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'pending_upload' order by table_name",
            connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            await using var md5 = new NpgsqlCommand(
                $"select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) from \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\" t", connection);
            result[table] = (string)(await md5.ExecuteScalarAsync())!;
        }

        return result;
    }

    public static async Task<T> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
