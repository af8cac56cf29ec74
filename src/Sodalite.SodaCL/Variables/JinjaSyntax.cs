// The syntax tree of a parsed Jinja template: statements (text, ${ } output, if, for, set) and expressions.
// Every expression knows its depth so that evaluation cannot recurse deeper than the parser allowed.
namespace Sodalite.SodaCL.Variables;

internal abstract class Expr(int depth)
{
    public int Depth => depth;

    protected static int DepthOf(params IEnumerable<Expr?> children) => 1 + children.Max(c => c?.Depth ?? 0);
}

internal sealed class ConstExpr(object? value) : Expr(1)
{
    public object? Value => value;
}

internal sealed class NameExpr(string name) : Expr(1)
{
    public string Name => name;
}

internal sealed class AttrExpr(Expr target, string name) : Expr(target.Depth + 1)
{
    public Expr Target => target;
    public string Name => name;
}

internal sealed class ItemExpr(Expr target, Expr key) : Expr(DepthOf(target, key))
{
    public Expr Target => target;
    public Expr Key => key;
}

internal sealed class SliceExpr(Expr? start, Expr? stop, Expr? step) : Expr(DepthOf(start, stop, step))
{
    public Expr? Start => start;
    public Expr? Stop => stop;
    public Expr? Step => step;
}

/// <summary>Arguments as written: positional ones, then name=value ones.</summary>
internal sealed record ArgList(List<Expr> Positional, List<KeyValuePair<string, Expr>> Keywords)
{
    public static readonly ArgList Empty = new([], []);

    public IEnumerable<Expr> All => Positional.Concat(Keywords.Select(k => k.Value));
}

internal sealed class CallExpr(Expr callee, ArgList args) : Expr(DepthOf([callee, .. args.All]))
{
    public Expr Callee => callee;
    public ArgList Args => args;
}

/// <summary>value | name(args); the operand is null for the filters of a {% set x | filter %} block.</summary>
internal sealed class FilterExpr(Expr? operand, string name, ArgList args) : Expr(DepthOf([operand, .. args.All]))
{
    public Expr? Operand => operand;
    public string Name => name;
    public ArgList Args => args;
}

/// <summary>value is [not] name(args).</summary>
internal sealed class TestExpr(Expr operand, string name, ArgList args, bool negated) : Expr(DepthOf([operand, .. args.All]))
{
    public Expr Operand => operand;
    public string Name => name;
    public ArgList Args => args;
    public bool Negated => negated;
}

/// <summary>-x, +x or not x.</summary>
internal sealed class UnaryExpr(string op, Expr operand) : Expr(operand.Depth + 1)
{
    public string Op => op;
    public Expr Operand => operand;
}

/// <summary>Arithmetic (+ - * / // % **) and the short-circuit and/or.</summary>
internal sealed class BinaryExpr(string op, Expr left, Expr right) : Expr(DepthOf(left, right))
{
    public string Op => op;
    public Expr Left => left;
    public Expr Right => right;
}

/// <summary>a ~ b ~ c: the str() of each, joined.</summary>
internal sealed class ConcatExpr(List<Expr> parts) : Expr(DepthOf(parts))
{
    public List<Expr> Parts => parts;
}

/// <summary>A (chained) comparison: == != &lt; &lt;= &gt; &gt;= in notin.</summary>
internal sealed class CompareExpr(Expr first, List<KeyValuePair<string, Expr>> rest) : Expr(DepthOf([first, .. rest.Select(r => r.Value)]))
{
    public Expr First => first;
    public List<KeyValuePair<string, Expr>> Rest => rest;
}

/// <summary>then if test else otherwise; without else it yields Undefined when the test is false.</summary>
internal sealed class CondExpr(Expr test, Expr then, Expr? otherwise, int line) : Expr(DepthOf(test, then, otherwise))
{
    public Expr Test => test;
    public Expr Then => then;
    public Expr? Otherwise => otherwise;
    public int Line => line;
}

internal sealed class ListExpr(List<Expr> items, bool tuple) : Expr(items.Count == 0 ? 1 : DepthOf(items))
{
    public List<Expr> Items => items;
    public bool IsTuple => tuple;
}

internal sealed class DictExpr(List<KeyValuePair<Expr, Expr>> pairs) : Expr(pairs.Count == 0 ? 1 : DepthOf(pairs.SelectMany(p => new[] { p.Key, p.Value })))
{
    public List<KeyValuePair<Expr, Expr>> Pairs => pairs;
}

/// <summary>What a for or set assigns to: a name, or a tuple of targets to unpack into.</summary>
internal abstract record Target;

internal sealed record NameTarget(string Name) : Target;

internal sealed record TupleTarget(List<Target> Items) : Target;

/// <summary>A statement; Start and End delimit its tag in the source (for error messages).</summary>
internal abstract class Stmt(int start, int end)
{
    public int Start => start;
    public int End => end;
}

/// <summary>A body of statements that Jinja compiles as its own frame (the template, a loop body, a loop's
/// else, a set block), with the names that start Undefined in it (see <see cref="JinjaScoping"/>).</summary>
internal sealed class Frame(List<Stmt> body)
{
    public List<Stmt> Body => body;
    public IReadOnlyList<string> Unassigned { get; set; } = [];
}

internal sealed class TextStmt(string text, int start, int end) : Stmt(start, end)
{
    public string Text => text;
}

internal sealed class OutputStmt(Expr expr, int start, int end) : Stmt(start, end)
{
    public Expr Expr => expr;
}

internal sealed record IfBranch(Expr Condition, List<Stmt> Body, int Start, int End);

internal sealed class IfStmt(List<IfBranch> branches, List<Stmt>? otherwise, int start, int end) : Stmt(start, end)
{
    public List<IfBranch> Branches => branches;
    public List<Stmt>? Otherwise => otherwise;
}

internal sealed class ForStmt(Target target, Expr iterable, Expr? filter, Frame body, Frame? otherwise, int start, int end)
    : Stmt(start, end)
{
    public Target Target => target;
    public Expr Iterable => iterable;
    public Expr? Filter => filter;
    public Frame Body => body;
    public Frame? Otherwise => otherwise;
}

internal sealed class SetStmt(Target target, Expr value, int start, int end) : Stmt(start, end)
{
    public Target Target => target;
    public Expr Value => value;
}

/// <summary>{% set name | filters %}body{% endset %}.</summary>
internal sealed class SetBlockStmt(string name, List<FilterExpr> filters, Frame body, int start, int end) : Stmt(start, end)
{
    public string Name => name;
    public List<FilterExpr> Filters => filters;
    public Frame Body => body;
}
