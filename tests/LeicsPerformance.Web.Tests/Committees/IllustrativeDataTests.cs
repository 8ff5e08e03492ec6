using LeicsPerformance.Web.Tests.Infrastructure;

namespace LeicsPerformance.Web.Tests.Committees;

/// <summary>The illustrative quarterly returns are generated, deterministically, by <see cref="IllustrativeQuarterlyData"/>.</summary>
public sealed class IllustrativeDataTests
{
    [Fact]
    public void The_committed_illustrative_file_is_exactly_what_the_generator_makes()
    {
        var path = Path.Combine(TestDatabase.RepositoryRoot(), IllustrativeQuarterlyData.RelativePath);
        var expected = IllustrativeQuarterlyData.Csv();
        if (Environment.GetEnvironmentVariable("LEICS_WRITE_ILLUSTRATIVE") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, expected, new System.Text.UTF8Encoding(false));
        }

        File.Exists(path).Should().BeTrue($"{IllustrativeQuarterlyData.RelativePath} should exist; write it with LEICS_WRITE_ILLUSTRATIVE=1");
        File.ReadAllText(path).Should().Be(expected, "the file is generated; regenerate it with LEICS_WRITE_ILLUSTRATIVE=1 rather than editing it");
        IllustrativeQuarterlyData.Csv().Should().Be(expected, "the generator is deterministic");
    }

    [Fact]
    public void Every_illustrative_indicator_is_quarterly_in_the_catalogue_and_coded_Q()
    {
        var catalogue = File.ReadAllLines(Path.Combine(TestDatabase.RepositoryRoot(), "data", "catalogue", "indicators-illustrative-quarterly.csv"));
        foreach (var code in IllustrativeQuarterlyData.Codes)
        {
            code.Should().StartWith("Q");
            catalogue.Should().ContainSingle(l => l.StartsWith(code + ",", StringComparison.Ordinal))
                .Which.Should().Contain(",quarterly,").And.Contain("Illustrative");
        }
    }
}
