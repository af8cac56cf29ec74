// Mutations of SodaCL checks files for the fuzz test. A file is held as a Latin-1 string, one char per byte, so text edits, byte
// flips and invalid UTF-8 mix freely; Bytes(text) gives the UTF-8 bytes of real text in that form. Deterministic: every choice
// comes from the Random passed in.
using System.Text;
using System.Text.RegularExpressions;

namespace Sodalite.Cli.Tests.Fuzzing;

internal sealed partial class ChecksMutator
{
    private readonly IReadOnlyList<string> _corpus;
    private readonly (string Name, Func<Random, string, (string Doc, string Note)> Apply)[] _mutations;

    /// <param name="corpus">The original files (Latin-1 byte strings), for lines and blocks spliced in from other files.</param>
    public ChecksMutator(IReadOnlyList<string> corpus)
    {
        _corpus = corpus;
        _mutations =
        [
            ("byte flip", ByteFlip), ("insert line", InsertLine), ("remove lines", RemoveLines), ("duplicate lines", DuplicateLines),
            ("swap lines", SwapLines), ("indentation", Indentation), ("tabs", Tabs), ("unicode", Unicode), ("anchor/alias/merge", Anchors),
            ("alias bomb", AliasBomb), ("self-referencing alias", SelfAlias), ("deep nesting", DeepNesting), ("huge number", HugeNumber),
            ("huge duration", HugeDuration), ("long line", LongLine), ("documents", Documents), ("directive", Directive), ("tag", Tag),
            ("binary garbage", Garbage), ("empty", Empty), ("bom", Bom), ("line ends", LineEnds), ("key to ':' or '?'", KeyToColon),
            ("threshold", Threshold), ("jinja", Jinja), ("quotes", Quotes), ("check expression", CheckExpression), ("comment", Comment),
            ("splice", Splice), ("key swap", KeySwap), ("truncate", Truncate), ("many checks", ManyChecks), ("flow style", FlowStyle),
            ("block scalar", BlockScalar), ("odd value", OddValue),
        ];
    }

    /// <summary>Names of every mutation, for the report.</summary>
    public IEnumerable<string> Names => _mutations.Select(m => m.Name);

    /// <summary>Applies one to three random mutations; returns the new file and a note per mutation (what and where).</summary>
    public (string Doc, IReadOnlyList<string> Notes) Mutate(Random r, string doc)
    {
        int count = r.Next(1, 4);
        var notes = new List<string>(count);
        for (int i = 0; i < count; i++)
        {
            var (name, apply) = _mutations[r.Next(_mutations.Length)];
            var (next, note) = apply(r, doc);
            doc = next;
            notes.Add($"{name}: {note}");
        }
        return (doc, notes);
    }

    /// <summary>The UTF-8 bytes of <paramref name="text"/> as a Latin-1 string (one char per byte).</summary>
    public static string Bytes(string text) => Encoding.Latin1.GetString(Encoding.UTF8.GetBytes(text));

    private static List<string> Lines(string doc) => [.. doc.Split('\n')];

    private static string Join(List<string> lines) => string.Join('\n', lines);

    private static int IndentOf(string line) => line.Length - line.TrimStart(' ').Length;

    private static T Pick<T>(Random r, IReadOnlyList<T> items) => items[r.Next(items.Count)];

    private static string Show(string s) => s.Length > 40 ? Escape(s[..40]) + $"…({s.Length} bytes)" : Escape(s);

    /// <summary>Printable form of a byte string: control and non-ASCII bytes as \xNN.</summary>
    public static string Escape(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (char c in s)
        {
            if (c == '\n') sb.Append("\\n");
            else if (c == '\t') sb.Append("\\t");
            else if (c == '\r') sb.Append("\\r");
            else if (c < 0x20 || c >= 0x7F) sb.Append($"\\x{(int)c:X2}");
            else sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>Index of a random line that matches <paramref name="test"/>, or -1.</summary>
    private static int PickLine(Random r, List<string> lines, Func<string, bool> test)
    {
        var hits = Enumerable.Range(0, lines.Count).Where(i => test(lines[i])).ToList();
        return hits.Count == 0 ? -1 : hits[r.Next(hits.Count)];
    }

    private static (string, string) InsertAt(Random r, string doc, string text)
    {
        int at = r.Next(doc.Length + 1);
        return (doc.Insert(at, text), $"inserted {Show(text)} at byte {at}");
    }

    private static (string, string) InsertLineAt(Random r, string doc, string text, bool indentLikeNeighbour = true)
    {
        var lines = Lines(doc);
        int at = r.Next(lines.Count + 1);
        if (indentLikeNeighbour && at > 0 && r.Next(2) == 0) text = new string(' ', IndentOf(lines[at - 1])) + text;
        lines.Insert(at, text);
        return (Join(lines), $"inserted line {at + 1}: {Show(text)}");
    }

    private static (string, string) ByteFlip(Random r, string doc)
    {
        if (doc.Length == 0) return ("" + (char)r.Next(256), "one random byte");
        char[] chars = doc.ToCharArray();
        int n = r.Next(1, 9);
        var notes = new List<string>();
        const string interesting = "\0\xFF\x7F\x80:-[{}]\t\n\r\"'#&*!|>%@`,?";
        for (int i = 0; i < n; i++)
        {
            int at = r.Next(chars.Length);
            char before = chars[at];
            chars[at] = r.Next(3) switch
            {
                0 => (char)(chars[at] ^ (1 << r.Next(8))),
                1 => (char)r.Next(256),
                _ => interesting[r.Next(interesting.Length)],
            };
            notes.Add($"byte {at} {Escape(before.ToString())}->{Escape(chars[at].ToString())}");
        }
        return (new string(chars), string.Join(", ", notes));
    }

    private static readonly string[] Snippets =
    [
        "- row_count > 0", "checks for customers:", "checks for orders:", "  - missing_count(id) = 0", "- duplicate_count(id) = 0:",
        "    name: x", "warn: when > 5", "fail: when between 1 and 2", "valid values: [a, b]", "filter: id = 'ID1'", "- schema:",
        "- freshness(ts) < 1d", "configurations for customers:", "for each dataset T:", "variables:", "  X: 1", "- failed rows:",
        "    fail query: select 1", "- values in (customer_id_ok) must exist in customers (id)", "- group by:", "- row_count between 1 and 10",
        "checks for customers [daily]:", "checks for customers:\n  - row_count > 0", "  -", "-", ":", "?", "- :", "- - -", "key:", "  :",
    ];

    private (string, string) InsertLine(Random r, string doc)
    {
        string text = r.Next(2) == 0 ? Pick(r, Snippets) : Pick(r, Lines(Pick(r, _corpus)));
        return InsertLineAt(r, doc, text);
    }

    private static (string, string) RemoveLines(Random r, string doc)
    {
        var lines = Lines(doc);
        int at = r.Next(lines.Count), n = Math.Min(r.Next(1, 4), lines.Count - at);
        lines.RemoveRange(at, n);
        return (Join(lines), $"removed lines {at + 1}..{at + n}");
    }

    private static (string, string) DuplicateLines(Random r, string doc)
    {
        var lines = Lines(doc);
        int at = r.Next(lines.Count), n = Math.Min(r.Next(1, 6), lines.Count - at);
        int times = r.Next(4) == 0 ? r.Next(2, 20) : 1;
        var block = lines.GetRange(at, n);
        for (int i = 0; i < times; i++) lines.InsertRange(at + n, block);
        return (Join(lines), $"duplicated lines {at + 1}..{at + n} x{times}");
    }

    private static (string, string) SwapLines(Random r, string doc)
    {
        var lines = Lines(doc);
        int a = r.Next(lines.Count), b = r.Next(lines.Count);
        (lines[a], lines[b]) = (lines[b], lines[a]);
        return (Join(lines), $"swapped lines {a + 1} and {b + 1}");
    }

    private static (string, string) Indentation(Random r, string doc)
    {
        var lines = Lines(doc);
        int at = r.Next(lines.Count), n = Math.Min(r.Next(4) == 0 ? r.Next(2, 6) : 1, lines.Count - at);
        int delta = r.Next(1, 5) * (r.Next(2) == 0 ? -1 : 1);
        for (int i = at; i < at + n; i++)
            lines[i] = delta > 0 ? new string(' ', delta) + lines[i] : lines[i][Math.Min(-delta, IndentOf(lines[i]))..];
        return (Join(lines), $"lines {at + 1}..{at + n} indented by {delta:+0;-0}");
    }

    private static (string, string) Tabs(Random r, string doc)
    {
        var lines = Lines(doc);
        int at = r.Next(lines.Count);
        string line = lines[at];
        switch (r.Next(4))
        {
            case 0:
                lines[at] = "\t" + line.TrimStart(' ');
                return (Join(lines), $"line {at + 1}: leading spaces -> one tab");
            case 1:
                lines[at] = line.Replace("  ", "\t");
                return (Join(lines), $"line {at + 1}: every two spaces -> tab");
            case 2:
                lines[at] = line.Replace(": ", ":\t");
                return (Join(lines), $"line {at + 1}: ': ' -> ':\\t'");
            default:
                return InsertAt(r, doc, "\t");
        }
    }

    private static readonly string[] UnicodeBits =
    [
        Bytes("\u0301"), Bytes("e\u0301\u0308\u0327"), Bytes("\u202E"), Bytes("\u200F"), Bytes("\u200B"), Bytes("\u00A0"), Bytes("\u2028"),
        Bytes("\u2029"), Bytes("\u0085"), Bytes("\uFEFF"), Bytes("😀"), Bytes("👨‍👩‍👧"), "\0", Bytes("："), Bytes("ǅ"), Bytes("İ"),
        Bytes("\u3000"), Bytes("𝔘𝔫𝔦"), Bytes("\uFFFD"), Bytes("\uFFFE"), Bytes("中文列"), Bytes("Ω≈ç√"), Bytes("\u0000\u0001\u001B[31m"),
        "\xED\xA0\x80", "\xED\xB0\x80", "\xED\xA0\xBD\xED\xB8\x80", "\xFF", "\xFE", "\xC0\xAF", "\xC3", "\xF4\x90\x80\x80", "\xE2\x82",
        "\x80", "\x7F", "\x01", "\x1B",
    ];

    private static (string, string) Unicode(Random r, string doc)
    {
        string bit = Pick(r, UnicodeBits);
        if (r.Next(3) > 0 || doc.Length == 0) return InsertAt(r, doc, bit);
        // Into a name: right after an opening parenthesis (a column) or at the start of a line's key.
        int at = doc.IndexOf('(', r.Next(doc.Length));
        if (at < 0) return InsertAt(r, doc, bit);
        return (doc.Insert(at + 1, bit), $"inserted {Show(bit)} after '(' at byte {at}");
    }

    [GeneratedRegex(@"^(\s*(?:- )?)([^:#\[\]{}&*!|>'""%@`]+?):(\s+(.*))?$")]
    private static partial Regex KeyLine();

    private static (string, string) Anchors(Random r, string doc)
    {
        var lines = Lines(doc);
        int key = PickLine(r, lines, l => KeyLine().IsMatch(l));
        int item = PickLine(r, lines, l => l.TrimStart().StartsWith("- ", StringComparison.Ordinal));
        string name = Pick(r, ["a", "b", "x", "anchor"]);
        switch (r.Next(7))
        {
            case 0 when key >= 0:
                {
                    // Anchor a mapping value, then merge it into another mapping.
                    var m = KeyLine().Match(lines[key]);
                    lines[key] = $"{m.Groups[1].Value}{m.Groups[2].Value}: &{name} {m.Groups[4].Value}";
                    int other = PickLine(r, lines, l => KeyLine().IsMatch(l));
                    int ind = IndentOf(lines[other]) + (lines[other].TrimStart().StartsWith("- ", StringComparison.Ordinal) ? 2 : 0);
                    lines.Insert(other + 1, new string(' ', ind) + $"<<: *{name}");
                    return (Join(lines), $"&{name} on line {key + 1}, '<<: *{name}' after line {other + 1}");
                }
            case 1 when key >= 0:
                {
                    // Anchor a value, use the alias as another key's value.
                    var m = KeyLine().Match(lines[key]);
                    lines[key] = $"{m.Groups[1].Value}{m.Groups[2].Value}: &{name} {m.Groups[4].Value}";
                    int other = PickLine(r, lines, l => KeyLine().IsMatch(l));
                    var o = KeyLine().Match(lines[other]);
                    lines[other] = $"{o.Groups[1].Value}{o.Groups[2].Value}: *{name}";
                    return (Join(lines), $"&{name} on line {key + 1}, *{name} as the value of line {other + 1}");
                }
            case 2 when item >= 0:
                {
                    // Anchor a check item, repeat it as an alias.
                    int at = lines[item].IndexOf("- ", StringComparison.Ordinal) + 2;
                    lines[item] = lines[item].Insert(at, $"&{name} ");
                    lines.Insert(item + 1, lines[item][..(at - 2)] + $"- *{name}");
                    return (Join(lines), $"&{name} on item line {item + 1}, '- *{name}' after it");
                }
            case 3:
                return InsertLineAt(r, doc, $"<<: *{name}");
            case 4:
                return InsertLineAt(r, doc, Pick(r, ["<<: [*a, *b]", "<<: 5", "<<: [1, 2]", "<<:", "<<: {}", "- <<: *a", "<<: &a {x: 1}"]));
            case 5:
                return InsertAt(r, doc, Pick(r, [$" *{name}", $" &{name}", $"&{name} ", $"*{name}", " *", " &", "&a &b "]));
            default:
                {
                    // The same anchor twice, then an alias.
                    var (d, n) = InsertLineAt(r, doc, $"x: &{name} 1");
                    (d, string n2) = InsertLineAt(r, d, $"y: &{name} 2");
                    (d, string n3) = InsertLineAt(r, d, $"z: *{name}");
                    return (d, $"{n}; {n2}; {n3}");
                }
        }
    }

    private static (string, string) AliasBomb(Random r, string doc)
    {
        int levels = r.Next(4, 10), width = r.Next(5, 11);
        var sb = new StringBuilder();
        sb.Append("a0: &a0 [").Append(string.Join(", ", Enumerable.Repeat("\"lol\"", width))).Append("]\n");
        for (int i = 1; i < levels; i++)
            sb.Append($"a{i}: &a{i} [").Append(string.Join(", ", Enumerable.Repeat($"*a{i - 1}", width))).Append("]\n");
        string bomb = sb.ToString();
        switch (r.Next(3))
        {
            case 0: return (bomb + doc, $"{levels}x{width} bomb prepended");
            case 1: return (doc + "\n" + bomb, $"{levels}x{width} bomb appended");
            default:
                {
                    // Inside a check's configuration: the bomb's last alias is its name.
                    string inner = string.Join("", bomb.Split('\n').Where(l => l.Length > 0).Select(l => "      " + l + "\n"));
                    string check = $"checks for customers:\n  - row_count > 0:\n{inner}      name: *a{levels - 1}\n";
                    return (check + doc, $"{levels}x{width} bomb inside a check");
                }
        }
    }

    private static (string, string) SelfAlias(Random r, string doc)
    {
        string text = Pick(r,
        [
            "x: &x [*x]", "&a a: *a", "- &s [*s]", "x: &x {y: *x}", "m: &m\n  <<: *m", "checks for customers: &c\n  - *c",
            "checks for customers:\n  - &c row_count > 0:\n      name: *c", "x: &x\n  - *x", "&k [*k]: 1", "? &k *k\n: 1",
        ]);
        return r.Next(2) == 0 ? (text + "\n" + doc, $"prepended {Show(text)}") : InsertLineAt(r, doc, text, indentLikeNeighbour: false);
    }

    private static (string, string) DeepNesting(Random r, string doc)
    {
        int depth = Pick(r, [10, 64, 150, 199, 200, 201, 500, 1000, 10_000, 100_000]);
        string text;
        switch (r.Next(6))
        {
            case 0: text = new string('[', depth); break;
            case 1: text = new string('[', depth) + new string(']', depth); break;
            case 2: text = string.Concat(Enumerable.Repeat("{a: ", depth)) + "1" + new string('}', depth); break;
            case 3: text = string.Concat(Enumerable.Repeat("- ", depth)) + "x"; break;
            case 4: text = new string('{', depth); break;
            default:
                depth = Math.Min(depth, 1000);
                text = string.Join("\n", Enumerable.Range(0, depth).Select(i => new string(' ', i) + "k" + i + ":")) + " 1";
                break;
        }
        var lines = Lines(doc);
        int key = PickLine(r, lines, l => KeyLine().IsMatch(l));
        if (key >= 0 && r.Next(2) == 0 && !text.Contains('\n'))
        {
            var m = KeyLine().Match(lines[key]);
            lines[key] = $"{m.Groups[1].Value}{m.Groups[2].Value}: {text}";
            return (Join(lines), $"value of line {key + 1} is {Show(text)} (depth {depth})");
        }
        var (d, note) = InsertLineAt(r, doc, text, indentLikeNeighbour: false);
        return (d, $"{note} (depth {depth})");
    }

    private static readonly string[] HugeNumbers =
    [
        "99999999999999999999", "1e400", "-1e400", "-0", "1e-400", "0.0000000000000000000001", "9223372036854775808", "-9223372036854775809",
        "9223372036854775807", "2147483648", ".inf", "-.inf", ".nan", "NaN", "0x7fffffff", "0o17", "1_000", "1,5", "00000000000000000001",
        "179769313486231570000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000" +
        "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000" +
        "00000000000000000000000000000000000000000000000000000000000000000000", "1.7976931348623157e308", "4.9e-324", "+5", "5.", ".5", "1e",
    ];

    [GeneratedRegex(@"(?<![\w.])-?\d+(\.\d+)?(?![\w.])")]
    private static partial Regex NumberToken();

    private static (string, string) HugeNumber(Random r, string doc)
    {
        string n = Pick(r, HugeNumbers);
        var hits = NumberToken().Matches(doc);
        if (hits.Count == 0) return InsertLineAt(r, doc, $"  - row_count > {n}", indentLikeNeighbour: false);
        var m = hits[r.Next(hits.Count)];
        return (doc[..m.Index] + n + doc[(m.Index + m.Length)..], $"number {m.Value} at byte {m.Index} -> {Show(n)}");
    }

    [GeneratedRegex(@"(?<![\w.])\d+[dhms]\b")]
    private static partial Regex DurationToken();

    private static (string, string) HugeDuration(Random r, string doc)
    {
        string d = Pick(r, ["99999999999d", "9999999999999999999999d", "0d", "-1d", "1.5d", "1d1h", "1d-1h", "999999999h", "99999999999999m",
            "1e400d", "1w", "d", "1D", "2147483648s", "10675199d", "10675200d", "1d 2h", "PT1H"]);
        var hits = DurationToken().Matches(doc);
        if (hits.Count == 0 || r.Next(3) == 0)
            return InsertLineAt(r, doc, Pick(r, [$"  - freshness(ts) < {d}", $"  - freshness(date_updated):\n      warn: when > {d}\n      fail: when > {d}",
                $"checks for customers:\n  - freshness(ts_with_tz) < {d}"]), indentLikeNeighbour: false);
        var m = hits[r.Next(hits.Count)];
        return (doc[..m.Index] + d + doc[(m.Index + m.Length)..], $"duration {m.Value} -> {d}");
    }

    private static (string, string) LongLine(Random r, string doc)
    {
        int n = Pick(r, [1000, 10_000, 100_000]);
        string a = new('a', n);
        switch (r.Next(5))
        {
            case 0: return InsertLineAt(r, doc, $"checks for customers:\n  - row_count > 0:\n      name: {a}", indentLikeNeighbour: false);
            case 1:
                {
                    var lines = Lines(doc);
                    int at = r.Next(lines.Count);
                    lines[at] += " " + a;
                    return (Join(lines), $"line {at + 1} extended by {n} chars");
                }
            case 2: return InsertLineAt(r, doc, $"{a}: 1", indentLikeNeighbour: false);
            case 3: return InsertLineAt(r, doc, $"checks for customers:\n  - row_count > {new string('1', n)}", indentLikeNeighbour: false);
            default: return InsertLineAt(r, doc, $"checks for customers:\n  - missing_count({a}) = 0", indentLikeNeighbour: false);
        }
    }

    private static (string, string) Documents(Random r, string doc) =>
        r.Next(4) == 0 ? (doc + "\n---\n" + doc, "file repeated as a second document")
        : InsertLineAt(r, doc, Pick(r, ["---", "...", "--- |", "--- !!map", "---\n---", "--- # c", "...\n---"]), indentLikeNeighbour: false);

    private static (string, string) Directive(Random r, string doc)
    {
        string d = Pick(r, ["%YAML 1.1\n---\n", "%YAML 1.2\n---\n", "%YAML 2.0\n---\n", "%YAML 1.1\n", "%TAG !e! tag:example.com,2000:\n---\n",
            "%FOO bar\n---\n", "%YAML 1.1\n%YAML 1.1\n---\n", "%YAML\n---\n", "%\n"]);
        return r.Next(4) == 0 ? InsertLineAt(r, doc, d.TrimEnd('\n'), indentLikeNeighbour: false) : (d + doc, $"prepended {Show(d)}");
    }

    private static (string, string) Tag(Random r, string doc)
    {
        string tag = Pick(r, ["!!binary ", "!foo ", "!!str ", "!!int ", "!!float ", "!!null ", "!!map ", "!!seq ", "!!set ", "!!omap ",
            "!!timestamp ", "!!bool ", "!<tag:yaml.org,2002:str> ", "!!python/object/apply:os.system ", "!e!x ", "! ", "!!binary |\n  "]);
        var lines = Lines(doc);
        int key = PickLine(r, lines, l => KeyLine().IsMatch(l) || l.TrimStart().StartsWith("- ", StringComparison.Ordinal));
        if (key < 0) return InsertAt(r, doc, tag);
        var m = KeyLine().Match(lines[key]);
        if (m.Success && r.Next(2) == 0) lines[key] = $"{m.Groups[1].Value}{m.Groups[2].Value}: {tag}{m.Groups[4].Value}";
        else if (m.Success) lines[key] = $"{m.Groups[1].Value}{tag}{m.Groups[2].Value}:{m.Groups[3].Value}";
        else
        {
            int at = lines[key].IndexOf("- ", StringComparison.Ordinal) + 2;
            lines[key] = lines[key].Insert(at, tag);
        }
        return (Join(lines), $"tag {tag.Trim()} on line {key + 1}");
    }

    private static string RandomBytes(Random r, int n)
    {
        var chars = new char[n];
        for (int i = 0; i < n; i++) chars[i] = (char)r.Next(256);
        return new string(chars);
    }

    private static (string, string) Garbage(Random r, string doc)
    {
        if (r.Next(8) == 0)
        {
            string g = RandomBytes(r, r.Next(1, 4000));
            return (g, $"whole file replaced by {g.Length} random bytes");
        }
        return InsertAt(r, doc, RandomBytes(r, r.Next(1, 300)));
    }

    private static (string, string) Empty(Random r, string doc)
    {
        string e = Pick(r, ["", "\n", "   ", "#only a comment\n", "---\n", "...\n", "~\n", "null\n", "[]\n", "{}\n", "\t\n", "checks for customers:\n",
            "checks for customers:\n  -\n", "- a\n", "42\n", "\"\"\n", "checks for customers: []\n", "checks for customers: {}\n", "checks for customers: 5\n",
            "checks for customers:\n  - \n", "checks for customers:\n  - {}\n", "checks for customers:\n  - []\n", "checks for :\n  - row_count > 0\n",
            "checks for:\n  - row_count > 0\n", "checks for customers:\n  - ~\n", "\xEF\xBB\xBF", "\r\n"]);
        return (e, $"file replaced by {Show(e)}");
    }

    private static (string, string) Bom(Random r, string doc) => r.Next(5) switch
    {
        0 => ("\xEF\xBB\xBF\xEF\xBB\xBF" + doc, "two UTF-8 BOMs"),
        1 => ("\xFF\xFE" + doc, "UTF-16 LE BOM"),
        2 => ("\xFE\xFF" + doc, "UTF-16 BE BOM"),
        3 => InsertLineAt(r, doc, "\xEF\xBB\xBF", indentLikeNeighbour: false),
        _ => ("\xEF\xBB\xBF" + doc, "UTF-8 BOM"),
    };

    private static (string, string) LineEnds(Random r, string doc) => r.Next(5) switch
    {
        0 => (doc.Replace("\n", "\r"), "\\n -> \\r"),
        1 => (doc.Replace("\n", "\r\r\n"), "\\n -> \\r\\r\\n"),
        2 => (doc.TrimEnd('\n'), "no final newline"),
        3 => (string.Concat(doc.Split('\n').Select((l, i) => l + (i % 2 == 0 ? "\r\n" : "\n"))), "mixed \\r\\n and \\n"),
        _ => (doc.Replace("\n", "\r\n"), "\\n -> \\r\\n"),
    };

    private static (string, string) KeyToColon(Random r, string doc)
    {
        var lines = Lines(doc);
        int key = PickLine(r, lines, l => KeyLine().IsMatch(l));
        if (key < 0) return InsertLineAt(r, doc, ": x");
        var m = KeyLine().Match(lines[key]);
        string pre = m.Groups[1].Value, k = m.Groups[2].Value, rest = m.Groups[3].Value;
        (lines[key], string what) = r.Next(5) switch
        {
            0 => ($"{pre}:{rest}", "key removed"),
            1 => ($"{pre}? {k}:{rest}", "'? ' before the key"),
            2 => ($"{pre}? {k}\n{pre.Replace('-', ' ')}:{rest}", "complex key '? k' / ': v'"),
            3 => ($"{pre}[{k}]:{rest}", "sequence as key"),
            _ => ($"{pre}{{{k}: 1}}:{rest}", "mapping as key"),
        };
        return (Join(lines), $"line {key + 1}: {what}");
    }

    [GeneratedRegex(@"(?:\s(?:=|<|>|<=|>=|!=|<>)\s*-?[\d.]+%?|\sbetween\s.+?\sand\s\S+|\s(?:=|<|>|<=|>=|!=)\s*\$\{[^}]*\})")]
    private static partial Regex ThresholdToken();

    private static (string, string) Threshold(Random r, string doc)
    {
        string t = " " + Pick(r, ["between 10 and 5", "between 5 and", "not between 1 and", "= ${UNDEFINED}", "> ${row_count_min}",
            "between ${row_count_min} and ${row_count_max}", ">", "=< 3", "=> 3", "== 3", "> 10%", "< -", "!= 0", "<> 0", "= '5'",
            "between (1 and 2]", "between [1 and 2)", "> 1e400", "< NaN", "> inf", ">= .5", "= 0x10", "> 1_000", "> 1,5", "< 5 and > 3",
            "between -inf and inf", "between 1 and 1", "not between 5 and 1", "= ${ 1 + }", "> ${NOW}", "< 1d", "between 1d and 2d", "> -",
            "= 5 5", "between", "> 5%%", "> 5 %", "= null", "= true"]);
        var hits = ThresholdToken().Matches(doc);
        if (hits.Count == 0) return InsertLineAt(r, doc, Pick(r, ["  - row_count", "  - missing_count(id)", "      warn: when", "      fail: when"]) + t);
        var m = hits[r.Next(hits.Count)];
        return (doc[..m.Index] + t + doc[(m.Index + m.Length)..], $"threshold '{Show(m.Value.Trim())}' -> '{t.Trim()}'");
    }

    private static (string, string) Jinja(Random r, string doc)
    {
        string j = Pick(r, ["${ 1 + }", "${", "${}", "${ UNDEFINED }", "${ var('x') }", "{% if %}", "{% for x in y %}", "{{ x }}", "{{", "{# c #}",
            "${ env_var('HOME') }", "${NOW}", "$${x}", "${ '}' }", "${${x}}", "{% endif %}", "${ 1/0 }", "${ x.__class__ }", "}}", "%}",
            "${ row_count_min }", "${" + new string('x', 1000) + "}", "{{ range(100000000) | list }}", "${ \"\\x00\" }"]);
        var lines = Lines(doc);
        int key = PickLine(r, lines, l => KeyLine().IsMatch(l));
        if (key >= 0 && r.Next(2) == 0)
        {
            var m = KeyLine().Match(lines[key]);
            lines[key] = $"{m.Groups[1].Value}{m.Groups[2].Value}: {j}";
            return (Join(lines), $"value of line {key + 1} -> {Show(j)}");
        }
        return InsertAt(r, doc, j);
    }

    private static (string, string) Quotes(Random r, string doc)
    {
        string q = Pick(r, ["\"", "'", "\"\\x\"", "\"\\u12\"", "\"\\U0010FFFF\"", "\"\\uD800\"", "\"\\uDC00\\uD800\"", "'it''s'", "\"\\\"",
            "\"a\nb\"", "'a\n\nb'", "\"\\0\"", "\"\\e\\a\\b\"", "\"\\N\\_\\L\\P\"", "`x`", "\"\\U00110000\"", "\"\\xFF\""]);
        var lines = Lines(doc);
        int key = PickLine(r, lines, l => KeyLine().IsMatch(l));
        if (key >= 0 && r.Next(2) == 0)
        {
            var m = KeyLine().Match(lines[key]);
            lines[key] = $"{m.Groups[1].Value}{m.Groups[2].Value}: {q}";
            return (Join(lines), $"value of line {key + 1} -> {Show(q)}");
        }
        return InsertAt(r, doc, q);
    }

    [GeneratedRegex(@"\b(row_count|missing_count|missing_percent|invalid_count|invalid_percent|duplicate_count|duplicate_percent|min|max|avg|sum|" +
        @"stddev|variance|percentile|min_length|max_length|avg_length|freshness|values in|failed rows|schema|distinct_count|reference)\b")]
    private static partial Regex MetricName();

    private static (string, string) CheckExpression(Random r, string doc)
    {
        switch (r.Next(4))
        {
            case 0:
                {
                    var hits = MetricName().Matches(doc);
                    if (hits.Count == 0) break;
                    var m = hits[r.Next(hits.Count)];
                    string to = Pick(r, ["row_count", "missing_count", "invalid_percent", "duplicate_count", "freshness", "percentile", "avg_length",
                    "nonsense_metric", "row_count(", "change for row_count", "change avg last 7 for row_count", "anomaly score for row_count",
                    "anomaly detection for row_count", "values in", "failed rows", "schema", "distribution_difference", "reference", "user_defined",
                    "", "MIN", "row count", "row_count()", "missing_count()"]);
                    return (doc[..m.Index] + to + doc[(m.Index + m.Length)..], $"metric {m.Value} at byte {m.Index} -> {Show(to)}");
                }
            case 1:
                {
                    int at = doc.IndexOf('(', doc.Length == 0 ? 0 : r.Next(doc.Length));
                    if (at < 0) break;
                    int close = doc.IndexOf(')', at);
                    if (close < 0) break;
                    string to = Pick(r, ["", "*", "1", "a b", "\"quoted col\"", ", ,", "id, 0.5, x", "(id)", "id)", "(id", "id, ", "'id'", "nope", "id; drop table customers",
                    "0.5", "id, 2", "id, -1", "id, NaN", "id, 1e400", "cst_size, 0.5", "ts", "ts_with_tz, NOW"]);
                    return (doc[..(at + 1)] + to + doc[close..], $"arguments at byte {at} -> {Show(to)}");
                }
            case 2:
                {
                    int at = doc.IndexOf(')', doc.Length == 0 ? 0 : r.Next(doc.Length));
                    if (at < 0) break;
                    return (doc.Remove(at, 1), $"')' at byte {at} removed");
                }
            default:
                break;
        }
        return InsertAt(r, doc, Pick(r, ["(", ")", "((", "))", "[", "]", "{", "}", ",", ";", "'", "\""]));
    }

    private static (string, string) Comment(Random r, string doc) =>
        r.Next(2) == 0 ? InsertAt(r, doc, "#") : InsertAt(r, doc, Pick(r, [" # c", "#", " #", "# x\n", " #${x}", "#\xC3"]));

    private (string, string) Splice(Random r, string doc)
    {
        string other = Pick(r, _corpus);
        if (r.Next(3) == 0) return (doc + "\n" + other, "another corpus file appended");
        var lines = Lines(other);
        int from = r.Next(lines.Count), n = Math.Min(r.Next(1, 8), lines.Count - from);
        var mine = Lines(doc);
        int at = r.Next(mine.Count + 1);
        mine.InsertRange(at, lines.GetRange(from, n));
        return (Join(mine), $"{n} lines of another file inserted at line {at + 1}");
    }

    private static readonly string[] Keys =
    [
        "checks for customers", "checks for orders", "filter", "name", "warn", "fail", "valid values", "invalid values", "missing values",
        "valid format", "valid regex", "valid min", "valid max", "valid length", "valid min length", "valid max length", "samples limit",
        "identity", "attributes", "when required column missing", "when forbidden column present", "when wrong column type",
        "when wrong column index", "when mismatching columns", "for each dataset T", "datasets", "checks", "group by", "query", "fail query",
        "fail condition", "row_count query", "row_count expression", "configurations for customers", "variables", "source", "columns",
        "group_limit", "valid reference data", "column", "dataset", "samples columns", "missing format", "invalid format", "fields",
        "automated monitoring", "profile columns", "discover datasets", "checks for rawcustomers", "checks for customers [daily]",
    ];

    private static (string, string) KeySwap(Random r, string doc)
    {
        var lines = Lines(doc);
        int key = PickLine(r, lines, l => KeyLine().IsMatch(l));
        if (key < 0) return InsertLineAt(r, doc, Pick(r, Keys) + ":");
        var m = KeyLine().Match(lines[key]);
        string to = Pick(r, Keys);
        lines[key] = $"{m.Groups[1].Value}{to}:{m.Groups[3].Value}";
        return (Join(lines), $"line {key + 1}: key '{Show(m.Groups[2].Value)}' -> '{to}'");
    }

    private static (string, string) Truncate(Random r, string doc)
    {
        int at = r.Next(doc.Length + 1);
        return (doc[..at], $"cut at byte {at} of {doc.Length}");
    }

    private static (string, string) ManyChecks(Random r, string doc)
    {
        int n = Pick(r, [50, 200, 500]);
        var sb = new StringBuilder("checks for customers:\n");
        for (int i = 0; i < n; i++)
            sb.Append(r.Next(3) switch
            {
                0 => $"  - row_count > {i}\n",
                1 => $"  - missing_count(id) < {i}:\n      name: check {i}\n",
                _ => $"  - max(distance) > {i}\n",
            });
        return (doc + "\n" + sb, $"{n} checks appended");
    }

    private static (string, string) FlowStyle(Random r, string doc)
    {
        var lines = Lines(doc);
        int key = PickLine(r, lines, l => KeyLine().IsMatch(l));
        string v = Pick(r, ["[a, b", "{a: 1, b}", "[a, [b, c]]", "{a: [1, {b: 2}]}", "[,]", "{,}", "[a,,b]", "[a: 1]", "{? a}", "[-]", "{a: 1, a: 2}",
            "[\"a\", 'b', c d, 1e400, ~]", "[*a]", "{<<: *a}", "[ ]", "{ }", "[a\n  b]", "{a\n: 1}"]);
        if (key < 0) return InsertLineAt(r, doc, "x: " + v);
        var m = KeyLine().Match(lines[key]);
        lines[key] = $"{m.Groups[1].Value}{m.Groups[2].Value}: {v}";
        return (Join(lines), $"value of line {key + 1} -> {Show(v)}");
    }

    private static (string, string) BlockScalar(Random r, string doc)
    {
        var lines = Lines(doc);
        int key = PickLine(r, lines, l => KeyLine().IsMatch(l));
        if (key < 0) return InsertLineAt(r, doc, "x: |\n  text");
        var m = KeyLine().Match(lines[key]);
        int ind = IndentOf(lines[key]);
        string head = Pick(r, ["|", ">-", "|+", "|2", "|0", "|-9", ">", "|9", "|\t", "| #c", "|-+", "|1-"]);
        string body = Pick(r, [new string(' ', ind + 2) + "text", new string(' ', ind + 1) + "text", new string(' ', ind + 9) + "text",
            "text", new string(' ', ind + 2) + "a\n" + new string(' ', ind) + " b", ""]);
        lines[key] = $"{m.Groups[1].Value}{m.Groups[2].Value}: {head}";
        lines.Insert(key + 1, body);
        return (Join(lines), $"value of line {key + 1} -> block scalar {head}");
    }

    private static (string, string) OddValue(Random r, string doc)
    {
        var lines = Lines(doc);
        int key = PickLine(r, lines, l => KeyLine().IsMatch(l));
        string v = Pick(r, ["~", "null", "yes", "no", "on", "off", "true", "false", "[]", "{}", "", "-", ".nan", "'~'", "2020-06-23", "2020-06-23T00:00:00Z",
            "0", "-1", "1.5", "!!null", "''", "\"\"", "*", "&", "|", ">", "@x", "`x`", "%x"]);
        if (key < 0) return InsertLineAt(r, doc, "x: " + v);
        var m = KeyLine().Match(lines[key]);
        lines[key] = $"{m.Groups[1].Value}{m.Groups[2].Value}: {v}";
        return (Join(lines), $"value of line {key + 1} -> {Show(v)}");
    }
}
