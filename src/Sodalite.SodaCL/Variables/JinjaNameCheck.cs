// Jinja2 rejects a filter or test name it does not know when it compiles the template, except inside an
// {% if %} (its tests and branches) or a conditional expression, where the error waits until the
// expression runs. This pass reports the compile-time ones; the renderer raises the others.
namespace Sodalite.SodaCL.Variables;

internal static class JinjaNameCheck
{
    public static void Check(string source, Frame root) => Statements(source, root.Body, soft: false);

    private static void Statements(string source, List<Stmt> body, bool soft)
    {
        foreach (var stmt in body)
        {
            switch (stmt)
            {
                case OutputStmt o: Expression(source, o.Expr, soft, o); break;
                case SetStmt s: Expression(source, s.Value, soft, s); break;
                case SetBlockStmt b:
                    foreach (var f in b.Filters) Expression(source, f, false, b);
                    Statements(source, b.Body.Body, false);
                    break;
                case ForStmt f:
                    Expression(source, f.Iterable, soft, f);
                    Expression(source, f.Filter, false, f);
                    Statements(source, f.Body.Body, false);
                    if (f.Otherwise is not null) Statements(source, f.Otherwise.Body, false);
                    break;
                case IfStmt i:
                    foreach (var branch in i.Branches) Statements(source, branch.Body, true);
                    Statements(source, i.Otherwise ?? [], true);
                    break;
            }
        }
    }

    private static void Expression(string source, Expr? e, bool soft, Stmt at)
    {
        switch (e)
        {
            case null: return;
            case FilterExpr f:
                Name(source, JinjaFilters.Problem(f.Name), soft, at);
                Expression(source, f.Operand, soft, at);
                Args(source, f.Args, soft, at);
                return;
            case TestExpr t:
                Name(source, JinjaTestFunctions.Problem(t.Name), soft, at);
                Expression(source, t.Operand, soft, at);
                Args(source, t.Args, soft, at);
                return;
            case CondExpr c:
                Expression(source, c.Test, true, at);
                Expression(source, c.Then, true, at);
                Expression(source, c.Otherwise, true, at);
                return;
            case AttrExpr a: Expression(source, a.Target, soft, at); return;
            case ItemExpr i: Expression(source, i.Target, soft, at); Expression(source, i.Key, soft, at); return;
            case SliceExpr s: Expression(source, s.Start, soft, at); Expression(source, s.Stop, soft, at); Expression(source, s.Step, soft, at); return;
            case CallExpr c: Expression(source, c.Callee, soft, at); Args(source, c.Args, soft, at); return;
            case UnaryExpr u: Expression(source, u.Operand, soft, at); return;
            case BinaryExpr b: Expression(source, b.Left, soft, at); Expression(source, b.Right, soft, at); return;
            case ConcatExpr c: foreach (var p in c.Parts) Expression(source, p, soft, at); return;
            case CompareExpr c: Expression(source, c.First, soft, at); foreach (var r in c.Rest) Expression(source, r.Value, soft, at); return;
            case ListExpr l: foreach (var x in l.Items) Expression(source, x, soft, at); return;
            case DictExpr d: foreach (var (k, v) in d.Pairs) { Expression(source, k, soft, at); Expression(source, v, soft, at); } return;
        }
    }

    private static void Args(string source, ArgList args, bool soft, Stmt at)
    {
        foreach (var a in args.All) Expression(source, a, soft, at);
    }

    private static void Name(string source, JinjaParser.NameProblem? problem, bool soft, Stmt at)
    {
        if (problem is { UnknownToJinja: true } && !soft)
            throw JinjaDiagnostics.Exception(source, at.Start, at.End, JinjaErrorKind.Syntax, problem.Message + ".");
    }
}
