// Loads one YAML document under YamlLimits. A first pass over the parser's events (iterative: no recursion, nothing expanded)
// measures nesting, alias expansion and keys; only a file within the limits is then built into nodes. Every failure is a value
// with a location, never an exception: a YAML syntax error as Soda reports it ("YAML syntax error" and the reader's reason), a
// second document (Soda reads exactly one), a duplicate key (ruamel rejects it), an alias that is undefined or contains itself.
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Sodalite.SodaCL.Yaml;

/// <summary>Reads one YAML document without letting hostile input crash, hang or exhaust the process.</summary>
public static class SafeYaml
{
    /// <summary>
    /// Parses <paramref name="text"/> into its single document's root node (null for an empty file). Returns a problem instead when
    /// the text is not valid YAML, holds more than one document, repeats a key in one mapping, uses a sequence or mapping as a key,
    /// has an undefined or self-containing alias, or goes past <paramref name="limits"/>. Never throws for any input text.
    /// </summary>
    public static (YamlNode? Root, YamlProblem? Problem) Load(string text, YamlLimits limits)
    {
        if (Measure(text, limits) is { } problem) return (null, problem);
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            return (stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode, null);
        }
        catch (YamlException e)
        {
            return (null, Syntax(Reason(e), TabOrStart(e, text)));
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException or OverflowException)
        {
            return (null, new YamlProblem($"YAML syntax error\n  | {e.Message}", 1, 1));
        }
    }

    /// <summary>
    /// Readies the YAML reader: its first document builds tables and compiles patterns (tens of milliseconds once per process), so
    /// a process that calls this on another thread while it reads its command line does not wait for them at its first
    /// <see cref="Load"/>. Never throws.
    /// </summary>
    public static void Prepare() => Load("prepared: [true]\n", YamlLimits.Default);

    private sealed class Frame(bool mapping, string? anchor, long startTotal, Mark start)
    {
        public bool Mapping { get; } = mapping;
        public string? Anchor { get; } = anchor;
        public long StartTotal { get; } = startTotal;
        public bool ExpectKey { get; set; } = true;
        public Dictionary<string, Mark>? Keys { get; set; }
        public Mark LastKey { get; set; } = start;
    }

    private static YamlProblem? Measure(string text, YamlLimits limits)
    {
        var parser = new Parser(new StringReader(text));
        var stack = new List<Frame>();
        var anchors = new Dictionary<string, long>(StringComparer.Ordinal);
        long total = 0;
        int documents = 0;
        Mark firstDocument = Mark.Empty;
        Mark last = Mark.Empty;
        try
        {
            while (parser.MoveNext())
            {
                var e = parser.Current!;
                last = e.Start;
                switch (e)
                {
                    case DocumentStart:
                        if (++documents == 1) firstDocument = e.Start;
                        else
                            return new YamlProblem(
                                "YAML syntax error\n  | expected a single document in the stream\n" +
                                $"  | but found another document at line {e.Start.Line}, column {e.Start.Column}: a checks file holds one document " +
                                "(no '---' between sections; put the sections of both in one document, or use two files)",
                                (int)firstDocument.Line, (int)firstDocument.Column);
                        break;
                    case Scalar s:
                        // YAML reserves '%' for directives at a line's start; ruamel rejects it at the start of any plain scalar, YamlDotNet does not.
                        if (s.Style == ScalarStyle.Plain && s.Value.StartsWith('%'))
                            return Syntax("while scanning for the next token found character '%' that cannot start any token: quote the value ('%...')", e.Start);
                        if (KeyProblem(stack, s.Value, s.Style, e.Start) is { } dup) return dup;
                        if (Add(ref total, 1, limits, e.Start) is { } big) return big;
                        if (!s.Anchor.IsEmpty) anchors[s.Anchor.Value] = 1;
                        Completed(stack);
                        break;
                    case AnchorAlias alias:
                        string name = alias.Value.Value;
                        if (stack.Any(f => f.Anchor == name))
                            return new YamlProblem($"YAML alias *{name} refers to the node that contains it: a structure that contains itself cannot be read. Remove the alias or point it at another anchor.", (int)e.Start.Line, (int)e.Start.Column);
                        if (!anchors.TryGetValue(name, out long size))
                            return Syntax($"found undefined alias *{name}: define it first with &{name}", e.Start);
                        if (stack.Count > 0 && stack[^1] is { Mapping: true, ExpectKey: true }) stack[^1].ExpectKey = false; // an alias as a key: no duplicate check
                        else Completed(stack);
                        if (Add(ref total, size, limits, e.Start) is { } bomb) return bomb;
                        break;
                    case MappingStart or SequenceStart:
                        if (stack.Count > 0 && stack[^1] is { Mapping: true, ExpectKey: true })
                            return new YamlProblem("A sequence or mapping is used as a key: keys in SodaCL and configuration files are plain text, such as 'checks for orders:' or 'type:'.", (int)e.Start.Line, (int)e.Start.Column);
                        if (stack.Count >= limits.MaxDepth)
                            return new YamlProblem($"YAML nested deeper than {limits.MaxDepth} levels (a checks file needs about 8): is this file what you meant to scan? The limit is set with --yaml-max-depth.", (int)e.Start.Line, (int)e.Start.Column);
                        if (Add(ref total, 1, limits, e.Start) is { } many) return many;
                        var anchor = ((NodeEvent)e).Anchor;
                        stack.Add(new Frame(e is MappingStart, anchor.IsEmpty ? null : anchor.Value, total, e.Start));
                        break;
                    case MappingEnd or SequenceEnd:
                        var done = stack[^1];
                        if (done is { Mapping: true, ExpectKey: false })
                            // YamlDotNet drops the value after an empty key (': x'); ruamel would read a null key.
                            return Syntax("a key is empty (': value' with nothing before the colon): write the key before the ':'", done.LastKey);
                        stack.RemoveAt(stack.Count - 1);
                        if (done.Anchor is not null) anchors[done.Anchor] = total - done.StartTotal + 1;
                        Completed(stack);
                        break;
                }
            }
        }
        catch (YamlException e)
        {
            return Syntax(Reason(e), TabOrStart(e, text));
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException or OverflowException or IndexOutOfRangeException)
        {
            // YamlDotNet reports some malformed input (an unclosed flow collection before more lines, ...) this way.
            return Unreadable(text, last);
        }
        return null;
    }

    /// <summary>After a complete node: in a mapping, a key is followed by its value and a value by the next key.</summary>
    private static void Completed(List<Frame> stack)
    {
        if (stack.Count > 0 && stack[^1].Mapping) stack[^1].ExpectKey = !stack[^1].ExpectKey;
    }

    private static YamlProblem? KeyProblem(List<Frame> stack, string value, ScalarStyle style, Mark at)
    {
        if (stack.Count == 0 || stack[^1] is not { Mapping: true, ExpectKey: true } frame) return null;
        frame.Keys ??= new Dictionary<string, Mark>(StringComparer.Ordinal);
        frame.LastKey = at;
        // A merge key may repeat in YAML 1.1 files; it is rejected later, where Soda rejects it.
        if (value == "<<" && style is ScalarStyle.Plain or ScalarStyle.Any) return null;
        if (frame.Keys.TryGetValue(value, out var first))
            return Syntax($"found duplicate key \"{value}\" (first at line {first.Line}, column {first.Column}): each key appears once in a mapping; merge the two or rename one", at);
        frame.Keys[value] = at;
        return null;
    }

    private static YamlProblem? Add(ref long total, long nodes, YamlLimits limits, Mark at)
    {
        total += nodes;
        if (total <= limits.MaxNodes) return null;
        return new YamlProblem($"YAML file holds more than {limits.MaxNodes:N0} nodes (an alias *name counts as every node it repeats, so aliases of aliases grow exponentially). The limit is set with --yaml-max-nodes.", (int)at.Line, (int)at.Column);
    }

    /// <summary>Where the reader gave up without a reason: most often a '[' or '{' that is never closed, after the last node read.</summary>
    private static YamlProblem Unreadable(string text, Mark last)
    {
        var lines = text.Split('\n');
        for (int line = Math.Max(1, (int)last.Line); line <= lines.Length; line++)
        {
            string l = lines[line - 1];
            int from = line == (int)last.Line ? Math.Max(0, (int)last.Column - 1) : 0;
            for (int i = from; i < l.Length; i++)
            {
                if (l[i] == '#') break;
                if (l[i] is '\'' or '"') break;
                if (l[i] is '[' or '{')
                    return new YamlProblem($"YAML syntax error\n  | while parsing a flow {(l[i] == '[' ? "sequence" : "mapping")}: the '{l[i]}' here is not closed with '{(l[i] == '[' ? ']' : '}')}' (or quote the text if it is not meant as a list)", line, i + 1);
            }
        }
        return Syntax("the YAML reader could not go on from here: look for an unclosed '[', '{' or quote", last);
    }

    /// <summary>
    /// Where to point for a reader error: for a tab in the indentation, the tab itself (the reader marks the start of the value
    /// it was reading, often a line above); otherwise the reader's mark.
    /// </summary>
    private static Mark TabOrStart(YamlException e, string text)
    {
        if (!Reason(e).Contains("tab", StringComparison.OrdinalIgnoreCase)) return e.Start;
        var lines = text.Split('\n');
        for (int line = Math.Max(1, (int)e.Start.Line); line <= lines.Length; line++)
        {
            string l = lines[line - 1];
            int i = 0;
            while (i < l.Length && l[i] is ' ' or '\t')
            {
                if (l[i] == '\t') return new Mark(0, line, i + 1);
                i++;
            }
        }
        return e.Start;
    }

    private static YamlProblem Syntax(string reason, Mark at) =>
        new($"YAML syntax error\n  | {reason}", Math.Max(1, (int)at.Line), Math.Max(1, (int)at.Column));

    private static string Reason(YamlException e)
    {
        string message = e.InnerException?.Message ?? e.Message;
        // YamlDotNet prefixes its messages with the range ("(Line: 3, Col: 5, Idx: ...) - (...): "); the location is given apart.
        int cut = message.IndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith("(Line:", StringComparison.Ordinal) && cut > 0 ? message[(cut + 3)..] : message;
    }
}
