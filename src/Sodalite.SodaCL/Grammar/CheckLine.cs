// The parsed form of one check line (the ANTLR `check` rule of Soda Core, spec/sodacl.md §1.3).
namespace Sodalite.SodaCL.Grammar;

/// <summary>
/// One parsed check line, as <see cref="CheckLineParser.Parse"/> returns it: a <see cref="MetricCheckLine"/>,
/// <see cref="RowCountComparisonLine"/>, <see cref="ReferenceCheckLine"/> or <see cref="FreshnessUsingLine"/>.
/// </summary>
public abstract record CheckLine;
