using Sodalite.Engine.CheckTypes.MetricCheck;
using Sodalite.SodaCL.Grammar;
using Sodalite.SodaCL.Model;
using Sodalite.SodaCL.Parsing;
using YamlDotNet.RepresentationModel;

namespace Sodalite.Engine.CheckTypes.AnomalyCheck;

/// <summary>How an anomaly check is written (spec/sodacl.md §1.3): <c>anomaly score for metric &lt; default</c>, <c>anomaly detection for metric</c>.</summary>
public sealed class AnomalySyntax : ICheckSyntax
{
    /// <inheritdoc/>
    public string Description => "anomaly";

    /// <inheritdoc/>
    public bool Claims(CheckLine line) => line is MetricCheckLine { HistoryPrefix: { } p } && !p.StartsWith("change", StringComparison.Ordinal);

    /// <inheritdoc/>
    public string? Column(CheckLine? line) => line is MetricCheckLine m ? MetricSyntax.ColumnOf(m) : null;

    /// <inheritdoc/>
    public KeyRejection? Rejects(string key, CheckDefinition check) => MetricSyntax.MetricRejects(key);

    /// <summary>
    /// Reads 'warn_only' (true or false) and 'severity_level_parameters' (its 'warning_ratio', a number from 0) into
    /// <see cref="AnomalySettings"/>; 'model', 'training_dataset_parameters' and the others are Soda Cloud's model settings, taken
    /// and not used by Sodalite's model (README: History-aware checks).
    /// </summary>
    public CheckDefinition? Read(CheckDefinition check, CheckConfigEntry entry, CheckConfigReader reader)
    {
        var settings = check.Settings as AnomalySettings ?? new AnomalySettings();
        switch (entry.Key)
        {
            case "warn_only":
                if (entry.Text is "true" or "True" or "false" or "False") return check with { Settings = settings with { WarnOnly = entry.Text is "true" or "True" } };
                reader.Log.Error($"'warn_only' must be true or false, not \"{CheckConfigReader.Text(entry.Value)}\".", reader.Location(entry.Value));
                return check;
            case "severity_level_parameters":
                if (entry.Value is YamlMappingNode map)
                {
                    foreach (var (k, v) in map.Children)
                    {
                        if (CheckConfigReader.Text(k) != "warning_ratio") continue;
                        if (double.TryParse(CheckConfigReader.Text(v), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double ratio) && ratio >= 0)
                            settings = settings with { WarningRatio = ratio };
                        else
                            reader.Log.Error($"'warning_ratio' must be a number from 0, not \"{CheckConfigReader.Text(v)}\".", reader.Location(v));
                    }
                    return check with { Settings = settings };
                }
                reader.Log.Error("'severity_level_parameters' must be a mapping such as 'warning_ratio: 0.1'.", reader.Location(entry.Value));
                return check;
            default:
                return null;
        }
    }
}
