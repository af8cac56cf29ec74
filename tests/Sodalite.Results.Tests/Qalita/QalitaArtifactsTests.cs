using Sodalite.Results.Json;
using Sodalite.Results.Qalita;
using Sodalite.Results.Soda;

namespace Sodalite.Results.Tests.Qalita;

public class QalitaArtifactsTests
{
    private static readonly string Retail = Path.Combine(Sodalite.TestSupport.RepoPaths.Shared, "acceptance/qalita/retail");

    private static QalitaArtifacts BuildRetail(long? rows = 6) =>
        QalitaArtifacts.Build(SodaJsonReader.Parse(File.ReadAllText(Path.Combine(Retail, "results.json"))), "retail", rowsAnalyzed: rows);

    [Fact]
    public void Metrics_of_real_soda_results_match_the_expected_bytes()
    {
        Assert.Equal(File.ReadAllText(Path.Combine(Retail, "sodalite/metrics.json")), PyJson.Serialize(BuildRetail().Metrics, 4));
    }

    [Fact]
    public void Recommendations_of_real_soda_results_match_the_expected_bytes()
    {
        Assert.Equal(File.ReadAllText(Path.Combine(Retail, "sodalite/recommendations.json")), PyJson.Serialize(BuildRetail().Recommendations, 4));
    }

    [Fact]
    public void Rows_analyzed_defaults_to_the_unfiltered_row_count_metric()
    {
        Assert.Equal(File.ReadAllText(Path.Combine(Retail, "sodalite/metrics.json")), PyJson.Serialize(BuildRetail(null).Metrics, 4));
    }

    [Fact]
    public void Without_a_row_count_metric_rows_analyzed_must_be_given()
    {
        var doc = SodaJsonReader.Parse("""{"definitionName": "x", "defaultDataSource": "d", "metrics": [], "checks": []}""");
        var ex = Assert.Throws<ArtifactException>(() => QalitaArtifacts.Build(doc, "retail"));
        Assert.Contains("--rows-analyzed", ex.Message);
    }

    [Fact]
    public void Summary_level_follows_the_failure_rate()
    {
        Assert.Equal("info", QalitaArtifacts.Level(1 - 0.9));
        Assert.Equal("high", QalitaArtifacts.Level(1 - 0.1));
        Assert.Equal("warning", QalitaArtifacts.Level(1 - 0.4));
    }

    [Fact]
    public void Zero_checks_give_an_int_zero_score_and_a_high_summary()
    {
        var doc = SodaJsonReader.Parse("""{"definitionName": "x", "defaultDataSource": "d", "metrics": [], "checks": []}""");
        var a = QalitaArtifacts.Build(doc, "retail", rowsAnalyzed: 3);
        Assert.Equal("0", PyJson.Serialize(a.Metrics[0]!["value"]));
        Assert.Equal("The dataset 'retail' has PASSED 0/0 checks giving a score of 0%.", a.Recommendations[0]!["content"]!.GetValue<string>());
        Assert.Equal("high", a.Recommendations[0]!["level"]!.GetValue<string>());
    }

    [Fact]
    public void Written_files_leave_no_temporary_files_behind()
    {
        string dir = Directory.CreateTempSubdirectory().FullName;
        var paths = BuildRetail().WriteTo(dir, """{"a": 1}""");
        Assert.Equal(4, paths.Count);
        Assert.Equal(new[] { "metrics.json", "recommendations.json", "schemas.json", "soda_results.json" },
            Directory.GetFiles(dir).Select(f => Path.GetFileName(f)!).Order().ToArray());
    }
}
