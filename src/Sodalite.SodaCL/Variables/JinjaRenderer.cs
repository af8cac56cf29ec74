// Renders a parsed template: runs the statements, evaluates expressions with Python semantics and
// enforces the output, work and loop limits. Names resolve as in Soda's Jinja context: template
// locals ({% set %}, loop variables), then OS environment variables, then env_var, then scan
// variables, then Jinja's globals (range, dict); anything else is Undefined.
using System.Numerics;
using System.Text;

namespace Sodalite.SodaCL.Variables;

internal sealed class JinjaRenderer
{
    private static readonly HashSet<string> UnsupportedGlobals = ["lipsum", "cycler", "joiner", "namespace", "self"];

    private readonly string _source;
    private readonly Func<string, string?> _environment;
    private readonly IReadOnlyDictionary<string, string> _variables;
    private readonly PyCallable _envVar, _range, _dict;
    private int _iterations;
    private long _work;

    public JinjaRenderer(string source, Func<string, string?> environment, IReadOnlyDictionary<string, string> variables)
    {
        _source = source;
        _environment = environment;
        _variables = variables;
        _envVar = new PyCallable("env_var", "function", EnvVar);
        _range = new PyCallable("range", "type", Range);
        _dict = new PyCallable("dict", "type", Dict);
    }

    public string Render(Frame root)
    {
        var output = new StringBuilder();
        Exec(root.Body, Enter(root, null), output);
        return output.ToString();
    }

    /// <summary>The scope of a new frame, where the names it assigns before reading start Undefined (as in Jinja2).</summary>
    private static Scope Enter(Frame frame, Scope? parent)
    {
        var scope = new Scope(parent);
        foreach (var name in frame.Unassigned) scope.Set(name, Undefined.ForName(name));
        return scope;
    }

    // ---- statements ----

    private void Exec(List<Stmt> body, Scope scope, StringBuilder output)
    {
        foreach (var stmt in body)
        {
            switch (stmt)
            {
                case TextStmt text:
                    Guard(stmt.Start, stmt.End, () => Emit(output, text.Text));
                    break;
                case OutputStmt o:
                    Guard(stmt.Start, stmt.End, () => Emit(output, PyFormat.Str(Eval(o.Expr, scope))));
                    break;
                case IfStmt i:
                    {
                        List<Stmt>? chosen = i.Otherwise;
                        foreach (var branch in i.Branches)
                        {
                            if (Guard(branch.Start, branch.End, () => PyOps.Truthy(Eval(branch.Condition, scope))))
                            {
                                chosen = branch.Body;
                                break;
                            }
                        }
                        if (chosen is not null) Exec(chosen, scope, output);
                        break;
                    }
                case ForStmt f:
                    ExecFor(f, scope, output);
                    break;
                case SetStmt s:
                    Guard(stmt.Start, stmt.End, () => Assign(s.Target, Eval(s.Value, scope), scope));
                    break;
                case SetBlockStmt sb:
                    {
                        var inner = new StringBuilder();
                        Exec(sb.Body.Body, Enter(sb.Body, scope), inner);
                        Guard(stmt.Start, stmt.End, () =>
                        {
                            object? value = inner.ToString();
                            foreach (var filter in sb.Filters) value = JinjaFilters.Apply(filter.Name, value, EvalArgs(filter.Args, scope));
                            scope.Set(sb.Name, value);
                        });
                        break;
                    }
            }
        }
    }

    private void ExecFor(ForStmt f, Scope scope, StringBuilder output)
    {
        var items = Guard(f.Start, f.End, () =>
        {
            var all = new List<object?>();
            foreach (var item in PyOps.Iterate(Eval(f.Iterable, scope)))
            {
                if (++_iterations > JinjaLimits.MaxLoopIterations)
                    throw JinjaError.Limit($"more than {JinjaLimits.MaxLoopIterations:N0} loop iterations");
                all.Add(item);
            }
            if (f.Filter is null) return all;
            var kept = new List<object?>();
            foreach (var item in all)
            {
                var itemScope = new Scope(scope);
                Assign(f.Target, item, itemScope);
                if (PyOps.Truthy(Eval(f.Filter, itemScope))) kept.Add(item);
            }
            return kept;
        });
        if (items.Count == 0)
        {
            if (f.Otherwise is not null) Exec(f.Otherwise.Body, Enter(f.Otherwise, scope), output);
            return;
        }
        var loop = new LoopContext(items);
        for (int i = 0; i < items.Count; i++)
        {
            var iteration = Enter(f.Body, scope);
            loop.Index0 = i;
            Guard(f.Start, f.End, () => Assign(f.Target, items[i], iteration));
            iteration.Set("loop", loop);
            Exec(f.Body.Body, iteration, output);
        }
    }

    private void Emit(StringBuilder output, string text)
    {
        if (output.Length + (long)text.Length > JinjaLimits.MaxOutputChars)
            throw JinjaError.Limit($"the rendered text is longer than {JinjaLimits.MaxOutputChars:N0} characters");
        output.Append(text);
    }

    /// <summary>Runs an action of the tag at start..end, turning Python-level errors into a JinjaException for that tag.</summary>
    private T Guard<T>(int start, int end, Func<T> action)
    {
        try
        {
            return action();
        }
        catch (JinjaError e)
        {
            throw JinjaDiagnostics.From(e, _source, start, end);
        }
    }

    private void Guard(int start, int end, Action action) => Guard(start, end, () =>
    {
        action();
        return true;
    });

    private static void Assign(Target target, object? value, Scope scope)
    {
        if (target is NameTarget n)
        {
            scope.Set(n.Name, value);
            return;
        }
        var targets = ((TupleTarget)target).Items;
        if (value is not (Undefined or string or PyList or PyDict or PyRange))
            throw JinjaError.Type($"cannot unpack non-iterable {PyOps.TypeName(value)} object");
        var items = PyOps.ToList(value);
        if (items.Count > targets.Count) throw JinjaError.Value($"too many values to unpack (expected {targets.Count})");
        if (items.Count < targets.Count) throw JinjaError.Value($"not enough values to unpack (expected {targets.Count}, got {items.Count})");
        for (int i = 0; i < targets.Count; i++) Assign(targets[i], items[i], scope);
    }

    // ---- expressions ----

    private object? Eval(Expr e, Scope scope)
    {
        var value = EvalCore(e, scope);
        if (value is string s && e is not (ConstExpr or NameExpr))
        {
            _work += s.Length;
            if (_work > JinjaLimits.MaxWorkChars)
                throw JinjaError.Limit($"the template builds more than {JinjaLimits.MaxWorkChars:N0} characters of text");
        }
        return value;
    }

    private object? EvalCore(Expr e, Scope scope)
    {
        switch (e)
        {
            case ConstExpr c: return c.Value;
            case NameExpr n: return Lookup(n.Name, scope);
            case AttrExpr a: return JinjaMembers.GetAttr(Eval(a.Target, scope), a.Name);
            case ItemExpr i:
                {
                    var target = Eval(i.Target, scope);
                    if (i.Key is SliceExpr s)
                    {
                        return JinjaMembers.Slice(target, s.Start is null ? null : Eval(s.Start, scope),
                            s.Stop is null ? null : Eval(s.Stop, scope), s.Step is null ? null : Eval(s.Step, scope));
                    }
                    return JinjaMembers.GetItem(target, Eval(i.Key, scope));
                }
            case CallExpr call:
                {
                    var callee = Eval(call.Callee, scope);
                    return JinjaMembers.Call(callee, EvalArgs(call.Args, scope));
                }
            case FilterExpr f: return JinjaFilters.Apply(f.Name, Eval(f.Operand!, scope), EvalArgs(f.Args, scope));
            case TestExpr t:
                {
                    bool result = JinjaTestFunctions.Apply(t.Name, Eval(t.Operand, scope), EvalArgs(t.Args, scope));
                    return t.Negated ? !result : result;
                }
            case UnaryExpr u:
                {
                    var operand = Eval(u.Operand, scope);
                    return u.Op switch
                    {
                        "-" => PyOps.Negate(operand),
                        "+" => PyOps.Plus(operand),
                        _ => !PyOps.Truthy(operand),
                    };
                }
            case BinaryExpr b:
                {
                    var left = Eval(b.Left, scope);
                    if (b.Op == "and") return PyOps.Truthy(left) ? Eval(b.Right, scope) : left;
                    if (b.Op == "or") return PyOps.Truthy(left) ? left : Eval(b.Right, scope);
                    return PyOps.Binary(b.Op, left, Eval(b.Right, scope));
                }
            case ConcatExpr c:
                {
                    var sb = new StringBuilder();
                    foreach (var part in c.Parts)
                    {
                        string text = PyFormat.Str(Eval(part, scope));
                        if (sb.Length + (long)text.Length > JinjaLimits.MaxOutputChars)
                            throw JinjaError.Limit($"string longer than {JinjaLimits.MaxOutputChars:N0} characters");
                        sb.Append(text);
                    }
                    return sb.ToString();
                }
            case CompareExpr c:
                {
                    var left = Eval(c.First, scope);
                    foreach (var (op, rightExpr) in c.Rest)
                    {
                        var right = Eval(rightExpr, scope);
                        bool ok = op switch
                        {
                            "==" => PyOps.Equal(left, right),
                            "!=" => !PyOps.Equal(left, right),
                            "in" => PyOps.Contains(right, left),
                            "notin" => !PyOps.Contains(right, left),
                            _ => PyOps.Order(op, left, right),
                        };
                        if (!ok) return false;
                        left = right;
                    }
                    return true;
                }
            case CondExpr c:
                if (PyOps.Truthy(Eval(c.Test, scope))) return Eval(c.Then, scope);
                return c.Otherwise is null
                    ? new Undefined($"the inline if-expression on line {c.Line} evaluated to false and no else section was defined.")
                    : Eval(c.Otherwise, scope);
            case ListExpr l:
                return new PyList([.. l.Items.Select(x => Eval(x, scope))], l.IsTuple ? SequenceKind.Tuple : SequenceKind.List);
            case DictExpr d:
                {
                    var dict = new PyDict();
                    foreach (var (k, v) in d.Pairs) dict.Set(Eval(k, scope), Eval(v, scope));
                    return dict;
                }
            default: throw new InvalidOperationException($"cannot evaluate {e.GetType().Name}");
        }
    }

    private CallArgs EvalArgs(ArgList args, Scope scope) => args.Positional.Count + args.Keywords.Count == 0
        ? CallArgs.None
        : new CallArgs([.. args.Positional.Select(a => Eval(a, scope))], [.. args.Keywords.Select(k => new KeyValuePair<string, object?>(k.Key, Eval(k.Value, scope)))]);

    private object? Lookup(string name, Scope scope)
    {
        if (scope.TryGet(name, out var local)) return local;
        if (_environment(name) is { } env) return env;
        if (name == "env_var") return _envVar;
        if (_variables.TryGetValue(name, out var variable)) return variable;
        switch (name)
        {
            case "range": return _range;
            case "dict": return _dict;
        }
        if (UnsupportedGlobals.Contains(name)) throw JinjaError.Unsupported($"the Jinja global '{name}' is not supported by Sodalite");
        return Undefined.ForName(name);
    }

    // ---- global functions ----

    /// <summary>Soda's env_var(name, default=None): the OS environment variable (not a scan variable),
    /// else the default, and "" when that is not text.</summary>
    private object? EnvVar(CallArgs args)
    {
        var v = JinjaArgs.Bind("Jinja.env_var", args, ["variable_name", "default_value"], 1);
        if (v[0] is not string name) throw JinjaError.Type($"str expected, not {PyOps.TypeName(v[0])}");
        object? value = _environment(name) ?? (JinjaArgs.IsMissing(v[1]) ? null : v[1]);
        return value as string ?? "";
    }

    private static object? Range(CallArgs args)
    {
        if (args.Keywords.Count > 0) throw JinjaError.Type("range() takes no keyword arguments");
        var p = args.Positional;
        if (p.Count is < 1 or > 3) throw JinjaError.Type($"range expected at most 3 arguments, got {p.Count}");
        var ints = p.Select(JinjaArgs.Index).ToList();
        BigInteger start = p.Count == 1 ? 0 : ints[0], stop = p.Count == 1 ? ints[0] : ints[1], step = p.Count == 3 ? ints[2] : 1;
        if (step.IsZero) throw JinjaError.Value("range() arg 3 must not be zero");
        var length = step > 0 ? (stop > start ? (stop - start + step - 1) / step : 0) : (start > stop ? (start - stop - step - 1) / -step : 0);
        if (length > JinjaLimits.MaxRange)
            throw JinjaError.Value($"Range too big. The sandbox blocks ranges larger than MAX_RANGE ({JinjaLimits.MaxRange}).");
        const long Safe = long.MaxValue / 4;
        if (BigInteger.Abs(start) > Safe || BigInteger.Abs(stop) > Safe || BigInteger.Abs(step) > Safe)
            throw JinjaError.Limit("range() bounds are too large");
        return new PyRange((long)start, (long)stop, (long)step);
    }

    private static object? Dict(CallArgs args)
    {
        if (args.Positional.Count > 0) throw JinjaError.Unsupported("dict() with positional arguments is not supported by Sodalite; use dict(name=value) or {...}");
        var d = new PyDict();
        foreach (var (k, v) in args.Keywords) d.Set(k, v);
        return d;
    }

    /// <summary>Template locals: {% set %} and loop variables. A for-loop iteration gets a child scope.</summary>
    private sealed class Scope(Scope? parent)
    {
        private Dictionary<string, object?>? _vars;

        public bool TryGet(string name, out object? value)
        {
            for (var s = this; s is not null; s = s.Parent)
            {
                if (s._vars is not null && s._vars.TryGetValue(name, out value)) return true;
            }
            value = null;
            return false;
        }

        private Scope? Parent => parent;

        public void Set(string name, object? value) => (_vars ??= [])[name] = value;
    }
}
