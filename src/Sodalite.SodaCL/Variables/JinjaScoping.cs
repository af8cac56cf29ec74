// Jinja2 compiles each frame (the template, a loop body, a loop's else, a set block) with a fixed set of
// local names, decided before rendering. A name that a frame assigns ({% set %}) before it reads it, and
// that no enclosing frame knows, starts as Undefined in that frame; so a loop that runs before a later
// top-level {% set a = ... %} sees `a` as Undefined, not as the scan or environment variable `a`.
// This pass finds those names, following Jinja2's symbol tracking (stores in some but not all branches
// of an if/elif/else are read from the context instead).
namespace Sodalite.SodaCL.Variables;

internal static class JinjaScoping
{
    private enum Kind { Resolve, Undefined, Alias, Parameter }

    public static void Analyze(Frame root) => AnalyzeFrame(root, null, []);

    private static void AnalyzeFrame(Frame frame, Symbols? parent, IEnumerable<string> parameters)
    {
        var symbols = new Symbols(parent);
        foreach (var p in parameters) symbols.Parameter(p);
        var children = new List<Action>();
        foreach (var stmt in frame.Body) Visit(stmt, symbols, symbols, children);
        frame.Unassigned = [.. symbols.Undefined()];
        foreach (var child in children) child();
    }

    /// <summary>Records the names a statement reads and assigns in <paramref name="symbols"/> (a branch's copy inside an if);
    /// the frames it opens are analyzed later with <paramref name="frame"/>, the whole frame's symbols, as parent.</summary>
    private static void Visit(Stmt stmt, Symbols symbols, Symbols frame, List<Action> children)
    {
        switch (stmt)
        {
            case OutputStmt o: Loads(o.Expr, symbols); break;
            case SetStmt s:
                Loads(s.Value, symbols);
                foreach (var name in Names(s.Target)) symbols.Store(name);
                break;
            case SetBlockStmt b:
                symbols.Store(b.Name);
                foreach (var f in b.Filters) Loads(f, symbols);
                children.Add(() => AnalyzeFrame(b.Body, frame, []));
                break;
            case ForStmt f:
                Loads(f.Iterable, symbols);
                children.Add(() =>
                {
                    AnalyzeFrame(f.Body, frame, [.. Names(f.Target), "loop"]);
                    if (f.Otherwise is not null) AnalyzeFrame(f.Otherwise, frame, []);
                });
                break;
            case IfStmt i:
                {
                    // Jinja visits the first test, then three branches: the body, the elif chain, the else.
                    Loads(i.Branches[0].Condition, symbols);
                    var body = symbols.Copy();
                    foreach (var s in i.Branches[0].Body) Visit(s, body, frame, children);
                    var elifs = symbols.Copy();
                    VisitElifs(i, elifs, frame, children);
                    var otherwise = symbols.Copy();
                    foreach (var s in i.Otherwise ?? []) Visit(s, otherwise, frame, children);
                    symbols.BranchUpdate([body, elifs, otherwise]);
                    break;
                }
        }
    }

    /// <summary>The elif chain as Jinja2 sees it: nested ifs without else.</summary>
    private static void VisitElifs(IfStmt i, Symbols symbols, Symbols frame, List<Action> children)
    {
        for (int k = 1; k < i.Branches.Count; k++)
        {
            var branch = i.Branches[k];
            Loads(branch.Condition, symbols);
            var body = symbols.Copy();
            foreach (var s in branch.Body) Visit(s, body, frame, children);
            symbols.BranchUpdate([body, symbols.Copy(), symbols.Copy()]);
        }
    }

    private static IEnumerable<string> Names(Target target) => target switch
    {
        NameTarget n => [n.Name],
        TupleTarget t => t.Items.SelectMany(Names),
        _ => [],
    };

    private static void Loads(Expr? e, Symbols symbols)
    {
        switch (e)
        {
            case null: return;
            case NameExpr n: symbols.Load(n.Name); return;
            case AttrExpr a: Loads(a.Target, symbols); return;
            case ItemExpr i: Loads(i.Target, symbols); Loads(i.Key, symbols); return;
            case SliceExpr s: Loads(s.Start, symbols); Loads(s.Stop, symbols); Loads(s.Step, symbols); return;
            case CallExpr c: Loads(c.Callee, symbols); ArgLoads(c.Args, symbols); return;
            case FilterExpr f: Loads(f.Operand, symbols); ArgLoads(f.Args, symbols); return;
            case TestExpr t: Loads(t.Operand, symbols); ArgLoads(t.Args, symbols); return;
            case UnaryExpr u: Loads(u.Operand, symbols); return;
            case BinaryExpr b: Loads(b.Left, symbols); Loads(b.Right, symbols); return;
            case ConcatExpr c: foreach (var p in c.Parts) Loads(p, symbols); return;
            case CompareExpr c: Loads(c.First, symbols); foreach (var r in c.Rest) Loads(r.Value, symbols); return;
            case CondExpr c: Loads(c.Then, symbols); Loads(c.Test, symbols); Loads(c.Otherwise, symbols); return;
            case ListExpr l: foreach (var x in l.Items) Loads(x, symbols); return;
            case DictExpr d: foreach (var (k, v) in d.Pairs) { Loads(k, symbols); Loads(v, symbols); } return;
        }
    }

    private static void ArgLoads(ArgList args, Symbols symbols)
    {
        foreach (var a in args.All) Loads(a, symbols);
    }

    /// <summary>One frame's names: how each starts (read from the context, Undefined, the enclosing frame's value, a parameter).</summary>
    private sealed class Symbols(Symbols? parent)
    {
        private Dictionary<string, Kind> _refs = [];
        private HashSet<string> _stores = [];

        private bool FindRef(string name) => _refs.ContainsKey(name) || (parent?.FindRef(name) ?? false);

        public void Load(string name)
        {
            if (!FindRef(name)) _refs[name] = Kind.Resolve;
        }

        public void Store(string name)
        {
            _stores.Add(name);
            if (!_refs.ContainsKey(name)) _refs[name] = parent?.FindRef(name) == true ? Kind.Alias : Kind.Undefined;
        }

        public void Parameter(string name)
        {
            _stores.Add(name);
            _refs[name] = Kind.Parameter;
        }

        public Symbols Copy() => new(parent) { _refs = new(_refs), _stores = [.. _stores] };

        /// <summary>Merges the branches of an if: a name stored in only some branches is read from outside.</summary>
        public void BranchUpdate(List<Symbols> branches)
        {
            var counts = new Dictionary<string, int>();
            foreach (var b in branches)
                foreach (var name in b._stores)
                    if (!_stores.Contains(name)) counts[name] = counts.GetValueOrDefault(name) + 1;
            foreach (var b in branches)
            {
                foreach (var (name, kind) in b._refs) _refs[name] = kind;
                _stores.UnionWith(b._stores);
            }
            foreach (var (name, count) in counts)
                if (count != branches.Count) _refs[name] = parent?.FindRef(name) == true ? Kind.Alias : Kind.Resolve;
        }

        public IEnumerable<string> Undefined() => _refs.Where(r => r.Value == Kind.Undefined).Select(r => r.Key);
    }
}
