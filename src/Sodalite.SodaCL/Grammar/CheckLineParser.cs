// Recursive-descent parser for Soda's check-line grammar. Separators are single spaces, as in
// Soda's ANTLR grammar, so "row_count  > 0" is an error there and here.
using System.Text.RegularExpressions;

namespace Sodalite.SodaCL.Grammar;

public static partial class CheckLineParser
{
    private const string IdentStop = " <=>()[],";

    public static CheckLine Parse(string line)
    {
        var p = new Cursor(line);
        if (p.TryWord("row_count same as "))
        {
            string other = p.Identifier();
            string? partition = null, ds = null;
            if (p.Peek(" [")) { p.Expect(" "); partition = p.Bracketed(); }
            else if (p.Peek(" ") && !p.Peek(" in "))
            {
                // Soda's grammar also takes the partition as a plain name: "row_count same as raw daily".
                p.Expect(" ");
                partition = p.Identifier();
            }
            if (p.TryWord(" in ")) ds = p.Identifier();
            p.End();
            return new RowCountComparisonLine(other, partition, ds);
        }
        if (p.TryWord("values in "))
        {
            var src = p.ColumnList();
            p.Expect(" must ");
            bool not = p.TryWord("not ");
            p.Expect("exist in ");
            string table = p.Identifier();
            p.Expect(" ");
            var tgt = p.ColumnList();
            p.End();
            if (src.Count != tgt.Count)
                throw new CheckLineException($"the source has {src.Count} column(s) and the target {tgt.Count}", line.Length);
            return new ReferenceCheckLine(src, table, tgt, not);
        }
        if (p.TryWord("freshness using "))
        {
            string col = p.Identifier();
            string? var = null, th = null;
            if (p.TryWord(" with ")) var = p.Identifier();
            if (p.TryWord(" < ")) th = p.TimeUnits();
            p.End();
            // The legacy grammar takes one time unit only (freshness_check: ... ' < ' TIMEUNIT); 1d2h is Soda's "mismatched input".
            if (th is not null && !SingleTimeUnitRegex().IsMatch(th))
                throw new CheckLineException($"mismatched input '{th}' expecting TIMEUNIT: the legacy 'freshness using' form takes one unit (< 26h); or write freshness({col}) < {th}", line.Length - th.Length);
            return new FreshnessUsingLine(col, var, th);
        }

        string? prefix = null;
        var m = HistoryPrefixRegex().Match(line);
        if (m.Success) { prefix = m.Value.TrimEnd(); p.Skip(m.Length); }

        string metric = p.Identifier();
        var args = new List<string>();
        if (p.TryWord("("))
        {
            args.Add(p.Argument());
            while (p.TryWord(", ")) args.Add(p.Argument());
            p.Expect(")");
        }
        ThresholdExpression? threshold = null;
        bool isDefault = false;
        if (!p.AtEnd)
        {
            p.Expect(" ");
            if (p.TryWord("< default")) isDefault = true;
            else threshold = ParseThreshold(p);
        }
        p.End();
        return new MetricCheckLine(metric, args, threshold, prefix, isDefault);
    }

    /// <summary>Parses the condition after "when " in warn/fail configuration.</summary>
    public static ThresholdExpression ParseCondition(string text)
    {
        var p = new Cursor(text);
        var t = ParseThreshold(p);
        p.End();
        return t;
    }

    private static ThresholdExpression ParseThreshold(Cursor p)
    {
        int start = p.Position;
        bool not = p.TryWord("not ");
        if (p.TryWord("between "))
        {
            bool lowerEx = false, upperEx = false;
            if (p.TryWord("(")) lowerEx = true; else p.TryWord("[");
            string lo = p.Value();
            p.Expect(" and ");
            string hi = p.Value();
            if (p.TryWord(")")) upperEx = true; else p.TryWord("]");
            return new ThresholdExpression(null, null, true, not, lowerEx, lo, upperEx, hi) { Text = p.From(start) };
        }
        if (not) throw p.Error("expecting 'between'");
        Comparator op;
        if (p.TryWord("<=")) op = Comparator.Lte;
        else if (p.TryWord("<>")) op = Comparator.Ne;
        else if (p.TryWord(">=")) op = Comparator.Gte;
        else if (p.TryWord("!=")) op = Comparator.Ne;
        else if (p.TryWord("<")) op = Comparator.Lt;
        else if (p.TryWord(">")) op = Comparator.Gt;
        else if (p.TryWord("=")) op = Comparator.Eq;
        else throw p.Error("expecting a comparator (<, <=, =, >=, >, !=, <>) or between");
        p.Expect(" ");
        return ThresholdExpression.Compare(op, p.Value());
    }

    [GeneratedRegex(@"^(change (((avg|min|max) last \d+ )|same day last week )?(percent )?for |anomaly score for |anomaly detection for )")]
    private static partial Regex HistoryPrefixRegex();

    [GeneratedRegex(@"^([0-9]+[dhm])+")]
    private static partial Regex TimeUnitRegex();

    [GeneratedRegex(@"^[0-9]+[dhm]$")]
    private static partial Regex SingleTimeUnitRegex();

    /// <summary>Soda's IDENTIFIER_UNQUOTED token (SodaCLAntlr.g4): a letter, _ or $ (or digits then one), up to a separator.</summary>
    [GeneratedRegex(@"^([0-9]+[a-zA-Z_$]|[a-zA-Z_$])[^ <=>()\[\],]*")]
    private static partial Regex IdentifierValueRegex();

    [GeneratedRegex(@"^[-+]?([0-9]+(\.[0-9]*)?|\.[0-9]+)( ?%)?")]
    private static partial Regex NumberRegex();

    private sealed class Cursor(string text)
    {
        private int _pos;
        public int Position => _pos;
        public string From(int start) => text[start.._pos];
        public bool AtEnd => _pos >= text.Length;
        public void Skip(int n) => _pos += n;
        public bool Peek(string s) => string.CompareOrdinal(text, _pos, s, 0, s.Length) == 0;

        public bool TryWord(string s)
        {
            if (!Peek(s)) return false;
            _pos += s.Length;
            return true;
        }

        public void Expect(string s)
        {
            if (!TryWord(s)) throw Error($"expecting '{s}'");
        }

        public void End()
        {
            if (!AtEnd) throw Error("expecting the end of the check");
        }

        public CheckLineException Error(string expecting)
        {
            if (AtEnd) return new CheckLineException($"unexpected end of line, {expecting}", _pos);
            // A character outside the BMP is two UTF-16 units: quote both, never half of it.
            int width = char.IsHighSurrogate(text[_pos]) && _pos + 1 < text.Length && char.IsLowSurrogate(text[_pos + 1]) ? 2 : 1;
            string found = text[_pos..Math.Min(text.Length, _pos + width)];
            if (found == " " && _pos > 0 && text[_pos - 1] == ' ')
                return new CheckLineException($"two spaces at column {_pos}; separators are exactly one space", _pos);
            return new CheckLineException($"unexpected '{found}' at column {_pos + 1}, {expecting}", _pos);
        }

        public string Identifier()
        {
            if (AtEnd) throw Error("expecting a name");
            char c = text[_pos];
            char? close = c switch { '"' => '"', '`' => '`', '[' => ']', _ => null };
            if (close is char cl)
            {
                int end = text.IndexOf(cl, _pos + 1);
                if (end < 0) throw Error($"expecting a closing {cl}");
                string id = text[_pos..(end + 1)];
                _pos = end + 1;
                return id;
            }
            int start = _pos;
            while (!AtEnd && IdentStop.IndexOf(text[_pos]) < 0) _pos++;
            if (start == _pos) throw Error("expecting a name");
            string ident = text[start.._pos];
            if (ident.Contains('!') || ident.Contains('\'') || ident.Contains(':'))
                throw new CheckLineException($"unexpected character in '{ident}'", start);
            return ident;
        }

        public string Bracketed()
        {
            Expect("[");
            int end = text.IndexOf(']', _pos);
            if (end < 0) throw Error("expecting ']'");
            string s = text[_pos..end];
            _pos = end + 1;
            return s;
        }

        public List<string> ColumnList()
        {
            if (!TryWord("(")) return [Identifier()];
            var cols = new List<string> { Identifier() };
            while (TryWord(", ")) cols.Add(Identifier());
            Expect(")");
            return cols;
        }

        public string Argument()
        {
            var m = NumberRegex().Match(text[_pos..]);
            if (m.Success && (m.Length == text.Length - _pos || ",)".Contains(text[_pos + m.Length])))
            {
                _pos += m.Length;
                return m.Value;
            }
            return Identifier();
        }

        public string TimeUnits()
        {
            var m = TimeUnitRegex().Match(text[_pos..]);
            if (!m.Success) throw Error("expecting a duration such as 1d, 6h, 30m or 1d2h");
            _pos += m.Length;
            return m.Value;
        }

        public string Value()
        {
            string rest = text[_pos..];
            var t = TimeUnitRegex().Match(rest);
            var n = NumberRegex().Match(rest);
            if (Peek("${"))
            {
                int end = text.IndexOf('}', _pos);
                if (end < 0) throw Error("expecting '}' to close the variable");
                string v = text[_pos..(end + 1)];
                // Soda's grammar reads a variable as one word: a space (or < = > ( ) [ ] ,) inside ${ } ends it there.
                int stop = v.IndexOfAny([' ', '<', '=', '>', '(', ')', '[', ']', ',']);
                if (stop >= 0)
                    throw new CheckLineException($"'{v[stop]}' inside {v} at column {_pos + stop + 1}: a variable in a check line is one word without spaces, as Soda's grammar reads it, such as ${{MIN_ROWS}}; compute an expression in a 'variables:' section (min_rows: \"${{ ... }}\") and use its name here", _pos + stop);
                _pos = end + 1;
                return v;
            }
            // Soda's lexer takes the longest token: a word such as "ten" or "5days" is an identifier, which the grammar accepts
            // as a threshold and the evaluation then fails to read as a number (the metric is still computed).
            var w = IdentifierValueRegex().Match(rest);
            int best = Math.Max(t.Success ? t.Length : 0, n.Success ? n.Length : 0);
            if (w.Success && w.Length > best) { _pos += w.Length; return w.Value; }
            if (t.Success && (!n.Success || t.Length >= n.Length)) { _pos += t.Length; return t.Value; }
            if (n.Success) { _pos += n.Length; return n.Value; }
            throw Error("expecting a number, a duration or a ${VARIABLE}");
        }
    }
}
