// The files `sodalite pack init` writes: a QALITA pack (spec/qalita.md §1.1, §2.6) whose run.sh hands the run folder to
// `sodalite pack run`. The layout follows QALITA's soda pack: properties.yaml, pack_conf.json (with its charts), run.sh, README.md.
namespace Sodalite.Cli.Pack;

/// <summary>The contents of the pack files, by file name.</summary>
internal static class PackFiles
{
    /// <summary>The pack's version, published by `qalita pack push` from properties.yaml.</summary>
    public const string Version = "0.1.0";

    /// <summary>The checks a new pack holds: the one the soda pack runs by default, on the source's table.</summary>
    public const string DefaultChecks = "checks for ${TABLE}:\n  - row_count > 0\n";

    /// <summary>File name → content, in the order they are written.</summary>
    public static IReadOnlyList<(string Name, string Content)> For(string name) =>
    [
        ("properties.yaml", Properties(name)),
        ("pack_conf.json", PackConf),
        ("run.sh", RunSh),
        ("README.md", Readme(name)),
    ];

    private static string Properties(string name) => $"""
        name: {name}
        version: {Version}
        type: validity
        description: SodaCL data quality checks run by Sodalite (a .NET engine for Soda Core v3's check language), with the metrics and recommendations of QALITA's soda pack.
        visibility: private
        compatible_sources:
        - file
        - csv
        - parquet
        - json
        - duckdb
        - postgresql
        - mysql
        - mariadb
        - clickhouse
        tags:
        - Data Quality
        - Validity Checks
        - SodaCL

        """;

    // pack_conf.json: the checks (SodaCL YAML; ${TABLE} is the source's table), the failed-row samples kept per check, and the
    // soda pack's charts, since the artifacts carry its metric keys.
    private const string PackConf = """
        {
            "checks": "checks for ${TABLE}:\n  - row_count > 0\n",
            "samples_limit": 100,
            "job": {
                "source": {
                    "skiprows": 0
                }
            },
            "charts": {
                "overview": [
                    {
                        "metric_key": "check_passed",
                        "chart_type": "text",
                        "display_title": true,
                        "justify": true
                    },
                    {
                        "metric_key": "check_failed",
                        "chart_type": "text",
                        "display_title": true,
                        "justify": true
                    },
                    {
                        "metric_key": "check_passed",
                        "chart_type": "area_chart",
                        "display_title": true
                    },
                    {
                        "metric_key": "check_failed",
                        "chart_type": "area_chart",
                        "display_title": true
                    },
                    {
                        "metric_key": "score",
                        "chart_type": "text",
                        "display_title": true,
                        "justify": true
                    }
                ],
                "scoped": [
                    {
                        "metric_key": "check_completion_score",
                        "chart_type": "text",
                        "display_title": true,
                        "justify": true
                    },
                    {
                        "metric_key": "check_completion_score",
                        "chart_type": "spark_area_chart",
                        "display_title": false
                    },
                    {
                        "metric_key": "invalid_count",
                        "chart_type": "text",
                        "display_title": true,
                        "justify": true
                    },
                    {
                        "metric_key": "invalid_count",
                        "chart_type": "spark_area_chart",
                        "display_title": false
                    }
                ]
            }
        }

        """;

    private const string RunSh = """
        #!/bin/sh
        # A QALITA pack run: the worker has written source_conf.json and pack_conf.json in this folder; `sodalite pack run`
        # maps the source, runs the checks of pack_conf.json and leaves metrics.json, recommendations.json and schemas.json here.
        # sodalite: $SODALITE (a path, or a command such as "dotnet /opt/sodalite/sodalite.dll"), else on PATH, else ~/.dotnet/tools.
        if [ -n "${SODALITE:-}" ]; then
            if [ -x "$SODALITE" ]; then
                exec "$SODALITE" pack run .
            fi
            exec $SODALITE pack run .
        fi
        if command -v sodalite >/dev/null 2>&1; then
            exec sodalite pack run .
        fi
        if [ -x "$HOME/.dotnet/tools/sodalite" ]; then
            exec "$HOME/.dotnet/tools/sodalite" pack run .
        fi
        echo "ERROR: sodalite not found: install it (dotnet tool install -g Sodalite) or set SODALITE to its path." >&2
        exit 127

        """;

    private static string Readme(string name) => $$"""
        # {{name}}: SodaCL checks by Sodalite

        A QALITA pack that runs SodaCL checks (Soda Core v3's check language) with
        Sodalite and leaves the artifacts QALITA's soda pack leaves:
        `metrics.json` (each Soda metric, `score`, `score_method`, `check_passed`, `check_failed`,
        `rows_analyzed`, `check_completion_score`), `recommendations.json` (the failed checks) and
        `schemas.json` (the table's columns).

        ## Configuration (`pack_conf.json`)

        - `checks`: the SodaCL checks, as a YAML string. `${TABLE}` is the source's table (for a file,
          its name without extension), e.g. `"checks for ${TABLE}:\n  - missing_count(email) = 0\n"`.
        - `samples_limit`: failed-row samples kept per check (0 keeps none).
        - `charts`: the soda pack's charts.

        ## Sources

        | QALITA source type | scanned as |
        |---|---|
        | `file` (`csv`, `parquet`, `json`) | `config.path`, read by DuckDB |
        | `duckdb` | the database at `config.path`, table `config.table_or_query` |
        | `postgresql`, `mysql`/`mariadb`, `clickhouse` | `config.host`, `port`, `username`, `password`, `database`, `schema`, table `config.table_or_query` |

        A `$VAR` setting is read from the environment. One table per source.

        ## Requirements

        `sodalite` on the worker's PATH (`dotnet tool install -g Sodalite`), or `SODALITE` set to it.
        `run.sh` exits non-zero only when the scan could not run; failed checks are reported in the artifacts.

        """;
}
