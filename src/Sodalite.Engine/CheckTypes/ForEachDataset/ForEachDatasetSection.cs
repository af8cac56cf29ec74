// 'for each dataset ALIAS' (spec/sodacl.md §1.1): not a check of its own but a section that turns into checks, one set per
// matching dataset. The parser reads the section (its patterns and checks); this module finds the datasets in the catalog before
// planning and has the parser read the checks once per dataset, so each then belongs to its own check type.
using Sodalite.Engine.DataSources;
using Sodalite.Engine.Execution;
using Sodalite.SodaCL.Diagnostics;
using Sodalite.SodaCL.Model;
using Sodalite.SodaCL.Parsing;

namespace Sodalite.Engine.CheckTypes.ForEachDataset;

/// <summary>Expands 'for each dataset' sections into checks, before planning.</summary>
public static class ForEachDatasetSection
{
    /// <summary>
    /// Instantiates every 'for each dataset' section of <paramref name="doc"/>: one catalog query each (named as in queries[],
    /// <c>N.ds.for_each_dataset_ALIAS[i]</c>) for the tables matching its patterns, then its checks for each table, in name order,
    /// added to the document as 'checks for ALIAS being TABLE'. A failing catalog query is logged and its section skipped.
    /// </summary>
    /// <returns>The catalog queries that ran, for queries[] (planning numbers its own after them).</returns>
    public static async Task<List<QueryLog>> InstantiateAsync(SodaClDocument doc, SodaClParser parser, DataSource ds, ScanLogger log, CancellationToken ct)
    {
        var queries = new List<QueryLog>();
        foreach (var section in doc.ForEach)
        {
            string sql = ds.Dialect.TablesSql(section.Includes, section.Excludes, ds.Schema);
            string name = $"{queries.Count + 1}.{ds.Name}.for_each_dataset_{section.Alias}[{doc.ForEach.IndexOf(section)}]";
            var sw = System.Diagnostics.Stopwatch.StartNew();
            List<string> tables;
            try
            {
                tables = await ds.ReadAsync(sql, async reader =>
                {
                    var names = new List<string>();
                    while (await reader.ReadAsync(ct)) names.Add(reader.GetString(0));
                    return names;
                }, ct);
                queries.Add(new QueryLog(name, ds.Name, null, null, null, sql, null, sw.Elapsed));
            }
            catch (System.Data.Common.DbException e)
            {
                queries.Add(new QueryLog(name, ds.Name, null, null, null, sql, e.ToString(), sw.Elapsed));
                log.Error($"Query execution error in {name}: {e.Message}\n{sql}", section.Location);
                continue;
            }
            tables.Sort(StringComparer.Ordinal);
            if (tables.Count == 0)
                log.Warning($"'for each dataset {section.Alias}' matched no table for {string.Join(", ", section.Includes)}; its checks did not run.", section.Location);
            parser.InstantiateForEach(section, tables, doc);
        }
        return queries;
    }
}
