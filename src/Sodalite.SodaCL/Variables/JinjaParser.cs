// Recursive-descent parser for the Jinja subset Sodalite supports, with Jinja2's grammar and operator
// precedence (which differs from Python's: -2 ** 2 is 4, ** is left-associative, ~ binds between + and *,
// filters bind tighter than unary minus). Nesting is bounded so that hostile input cannot overflow the stack.
namespace Sodalite.SodaCL.Variables;

internal sealed class JinjaParser
{
    /// <summary>Real Jinja tags that Sodalite refuses (rather than silently rendering something else).</summary>
    private static readonly HashSet<string> UnsupportedTags =
        ["macro", "call", "filter", "include", "import", "from", "extends", "block", "with", "autoescape", "endmacro",
         "endcall", "endfilter", "endblock", "endwith", "endautoescape"];

    private readonly string _src;
    private readonly List<Token> _tokens;
    private int _i;
    private int _nesting;
    private int _tagStart;

    private JinjaParser(string source, List<Token> tokens)
    {
        _src = source;
        _tokens = tokens;
    }

    /// <summary>Parses a template whose newlines are already normalized; throws JinjaException.</summary>
    public static Frame Parse(string source)
    {
        var parser = new JinjaParser(source, JinjaLexer.Tokenize(source));
        var root = new Frame(parser.ParseBody([], null, 0, out _));
        JinjaNameCheck.Check(source, root);
        JinjaScoping.Analyze(root);
        return root;
    }

    private Token Current => _tokens[_i];

    private Token Peek(int ahead = 1) => _tokens[Math.Min(_i + ahead, _tokens.Count - 1)];

    private Token Next() => _tokens[_i++];

    private JinjaException Error(string message, JinjaErrorKind kind = JinjaErrorKind.Syntax) =>
        JinjaDiagnostics.Exception(_src, _tagStart, -1, kind, message);

    private bool IsOp(string op) => Current.Kind == TokenKind.Operator && Current.Text == op;

    private bool IsName(string name) => Current.Kind == TokenKind.Name && Current.Text == name;

    private bool SkipOp(string op)
    {
        if (!IsOp(op)) return false;
        _i++;
        return true;
    }

    private bool SkipName(string name)
    {
        if (!IsName(name)) return false;
        _i++;
        return true;
    }

    private void ExpectOp(string op)
    {
        if (!SkipOp(op)) throw Expected($"'{op}'");
    }

    private JinjaException Expected(string what)
    {
        if (Current.Kind == TokenKind.End) return Error($"unexpected end of template, expected {what}.");
        return Error($"expected token {what}, got '{Current.Describe()}'");
    }

    private int ExpectEnd(TokenKind kind)
    {
        if (Current.Kind != kind) throw Expected(kind == TokenKind.BlockEnd ? "'end of statement block'" : "'end of print statement'");
        var t = Next();
        return t.Position + t.Text.Length;
    }

    private void Enter()
    {
        if (++_nesting > JinjaLimits.MaxParseNesting)
            throw Error($"the template nests brackets, operators or tags more than {JinjaLimits.MaxParseNesting} levels deep", JinjaErrorKind.Limit);
    }

    private void Leave() => _nesting--;

    private T Checked<T>(T e) where T : Expr
    {
        if (e.Depth > JinjaLimits.MaxExpressionDepth)
            throw Error($"the expression is more than {JinjaLimits.MaxExpressionDepth} operations deep", JinjaErrorKind.Limit);
        return e;
    }

    // ---- statements ----

    /// <summary>Statements until one of <paramref name="endTags"/> (whose name is consumed) or the end of the template.</summary>
    private List<Stmt> ParseBody(string[] endTags, string? block, int blockStart, out string? endTag)
    {
        var body = new List<Stmt>();
        while (true)
        {
            var t = Current;
            switch (t.Kind)
            {
                case TokenKind.Data:
                    _i++;
                    body.Add(new TextStmt(t.Text, t.Position, t.Position + t.Text.Length));
                    continue;
                case TokenKind.VariableBegin:
                    {
                        _tagStart = t.Position;
                        _i++;
                        var expr = ParseTuple(withCondExpr: true, explicitParentheses: false);
                        int end = ExpectEnd(TokenKind.VariableEnd);
                        body.Add(new OutputStmt(expr, t.Position, end));
                        continue;
                    }
                case TokenKind.BlockBegin:
                    {
                        _tagStart = t.Position;
                        _i++;
                        if (Current.Kind != TokenKind.Name) throw Error("tag name expected");
                        string name = Current.Text;
                        if (endTags.Contains(name))
                        {
                            _i++;
                            endTag = name;
                            return body;
                        }
                        body.Add(ParseStatement(name, t.Position, endTags, block));
                        continue;
                    }
                case TokenKind.End:
                    if (block is not null)
                    {
                        _tagStart = blockStart;
                        throw Error($"Unexpected end of template. Jinja was looking for the following tags: {Quote(endTags)}. "
                            + $"The innermost block that needs to be closed is '{block}'.");
                    }
                    endTag = null;
                    return body;
                default:
                    _tagStart = t.Position;
                    throw Error($"unexpected '{t.Describe()}'");
            }
        }
    }

    private static string Quote(string[] tags) => string.Join(" or ", tags.Select(t => $"'{t}'"));

    private Stmt ParseStatement(string name, int start, string[] endTags, string? block)
    {
        switch (name)
        {
            case "if": return WithNesting(() => ParseIf(start));
            case "for": return WithNesting(() => ParseFor(start));
            case "set": return ParseSet(start);
            case "print":
                {
                    _i++;
                    var expr = ParseTuple(withCondExpr: true, explicitParentheses: false);
                    return new OutputStmt(expr, start, ExpectEnd(TokenKind.BlockEnd));
                }
        }
        if (UnsupportedTags.Contains(name))
            throw Error($"the {{% {name} %}} tag is not supported by Sodalite", JinjaErrorKind.Unsupported);
        string message = $"Encountered unknown tag '{name}'.";
        if (block is not null)
            message += $" Jinja was looking for the following tags: {Quote(endTags)}. The innermost block that needs to be closed is '{block}'.";
        throw Error(message);
    }

    private Stmt WithNesting(Func<Stmt> parse)
    {
        Enter();
        var stmt = parse();
        Leave();
        return stmt;
    }

    private IfStmt ParseIf(int start)
    {
        _i++; // if
        var branches = new List<IfBranch>();
        List<Stmt>? otherwise = null;
        int branchStart = start;
        while (true)
        {
            var condition = ParseTuple(withCondExpr: false, explicitParentheses: false);
            int branchEnd = ExpectEnd(TokenKind.BlockEnd);
            var body = ParseBody(["elif", "else", "endif"], "if", start, out string? tag);
            branches.Add(new IfBranch(condition, body, branchStart, branchEnd));
            if (tag == "elif")
            {
                branchStart = _tagStart;
                continue;
            }
            if (tag == "else")
            {
                ExpectEnd(TokenKind.BlockEnd);
                otherwise = ParseBody(["endif"], "if", start, out _);
            }
            ExpectEnd(TokenKind.BlockEnd);
            return new IfStmt(branches, otherwise, start, branches[0].End);
        }
    }

    private ForStmt ParseFor(int start)
    {
        _i++; // for
        var target = ParseAssignTarget(forLoop: true);
        if (!SkipName("in")) throw Expected("'in'");
        var iterable = ParseTuple(withCondExpr: false, explicitParentheses: false, extraEndName: "recursive");
        Expr? filter = null;
        if (SkipName("if")) filter = ParseExpression();
        if (IsName("recursive"))
            throw Error("recursive for loops are not supported by Sodalite", JinjaErrorKind.Unsupported);
        int end = ExpectEnd(TokenKind.BlockEnd);
        var body = ParseBody(["endfor", "else"], "for", start, out string? tag);
        List<Stmt>? otherwise = null;
        if (tag == "else")
        {
            ExpectEnd(TokenKind.BlockEnd);
            otherwise = ParseBody(["endfor"], "for", start, out _);
        }
        ExpectEnd(TokenKind.BlockEnd);
        return new ForStmt(target, iterable, filter, new Frame(body), otherwise is null ? null : new Frame(otherwise), start, end);
    }

    private Stmt ParseSet(int start)
    {
        _i++; // set
        if (Current.Kind == TokenKind.Name && Peek().Kind == TokenKind.Operator && Peek().Text == ".")
            throw Error("assigning to an attribute ({% set ns.x = ... %}, namespace objects) is not supported by Sodalite", JinjaErrorKind.Unsupported);
        var target = ParseAssignTarget(forLoop: false);
        if (SkipOp("="))
        {
            var value = ParseTuple(withCondExpr: true, explicitParentheses: false);
            return new SetStmt(target, value, start, ExpectEnd(TokenKind.BlockEnd));
        }
        if (target is not NameTarget nameTarget) throw Expected("'='");
        var filters = new List<FilterExpr>();
        while (SkipOp("|")) filters.Add(ParseFilter(null));
        int end = ExpectEnd(TokenKind.BlockEnd);
        Enter();
        var body = ParseBody(["endset"], "set", start, out _);
        Leave();
        ExpectEnd(TokenKind.BlockEnd);
        return new SetBlockStmt(nameTarget.Name, filters, new Frame(body), start, end);
    }

    /// <summary>A name, or names separated by commas (optionally in parentheses), as for/set targets.</summary>
    private Target ParseAssignTarget(bool forLoop)
    {
        var items = new List<Target>();
        bool tuple = false;
        while (true)
        {
            if (items.Count > 0 && !SkipOp(",")) break;
            if (Current.Kind is TokenKind.BlockEnd || IsOp("=") || IsName("in")) break;
            items.Add(ParseAssignItem(forLoop));
            if (IsOp(",")) tuple = true;
            else break;
        }
        if (items.Count == 0) throw Error($"Expected an expression, got '{Current.Describe()}'");
        return tuple ? new TupleTarget(items) : items[0];
    }

    private Target ParseAssignItem(bool forLoop)
    {
        var t = Current;
        if (t.Kind == TokenKind.Name && t.Text is not ("true" or "false" or "none" or "True" or "False" or "None"))
        {
            _i++;
            if (forLoop && t.Text == "loop") throw Error("Can't assign to special loop variable in for-loop target");
            return new NameTarget(t.Text);
        }
        if (IsOp("("))
        {
            _i++;
            Enter();
            var inner = ParseAssignTarget(forLoop);
            Leave();
            ExpectOp(")");
            return inner;
        }
        string what = t.Kind switch
        {
            TokenKind.Name or TokenKind.String or TokenKind.Integer or TokenKind.Float => "const",
            _ => t.Describe(),
        };
        if (t.Kind == TokenKind.Operator && t.Text is "[" or "{") what = t.Text == "[" ? "list" : "dict";
        if (t.Kind is TokenKind.BlockEnd or TokenKind.End) throw Error($"Expected an expression, got '{t.Describe()}'");
        throw Error($"can't assign to '{what}'");
    }

    // ---- expressions ----

    /// <summary>Expressions separated by commas: one expression, or a tuple (Jinja allows ${ 1, 2 }).</summary>
    private Expr ParseTuple(bool withCondExpr, bool explicitParentheses, string? extraEndName = null)
    {
        var items = new List<Expr>();
        bool isTuple = false;
        while (true)
        {
            if (items.Count > 0) ExpectOp(",");
            if (Current.Kind is TokenKind.VariableEnd or TokenKind.BlockEnd || IsOp(")") || (extraEndName is not null && IsName(extraEndName))) break;
            items.Add(withCondExpr ? ParseExpression() : ParseOr());
            if (IsOp(",")) isTuple = true;
            else break;
        }
        if (!isTuple)
        {
            if (items.Count > 0) return items[0];
            if (!explicitParentheses) throw Error($"Expected an expression, got '{Current.Describe()}'");
        }
        return new ListExpr(items, tuple: true);
    }

    private Expr ParseExpression()
    {
        Enter();
        var expr = ParseOr();
        while (SkipName("if"))
        {
            int line = LineOf(_tokens[_i - 1].Position);
            var test = ParseOr();
            Expr? otherwise = SkipName("else") ? ParseExpression() : null;
            expr = Checked(new CondExpr(test, expr, otherwise, line));
        }
        Leave();
        return expr;
    }

    private int LineOf(int position)
    {
        int line = 1;
        for (int i = 0; i < position && i < _src.Length; i++)
            if (_src[i] == '\n') line++;
        return line;
    }

    private Expr ParseOr()
    {
        var left = ParseAnd();
        while (SkipName("or")) left = Checked(new BinaryExpr("or", left, ParseAnd()));
        return left;
    }

    private Expr ParseAnd()
    {
        var left = ParseNot();
        while (SkipName("and")) left = Checked(new BinaryExpr("and", left, ParseNot()));
        return left;
    }

    private Expr ParseNot()
    {
        if (!SkipName("not")) return ParseCompare();
        Enter();
        var operand = ParseNot();
        Leave();
        return Checked(new UnaryExpr("not", operand));
    }

    private static readonly HashSet<string> CompareOps = ["==", "!=", "<", "<=", ">", ">="];

    private Expr ParseCompare()
    {
        var first = ParseMath1();
        var rest = new List<KeyValuePair<string, Expr>>();
        while (true)
        {
            if (Current.Kind == TokenKind.Operator && CompareOps.Contains(Current.Text))
            {
                string op = Next().Text;
                rest.Add(new(op, ParseMath1()));
            }
            else if (SkipName("in")) rest.Add(new("in", ParseMath1()));
            else if (IsName("not") && Peek().Kind == TokenKind.Name && Peek().Text == "in")
            {
                _i += 2;
                rest.Add(new("notin", ParseMath1()));
            }
            else break;
        }
        return rest.Count == 0 ? first : Checked(new CompareExpr(first, rest));
    }

    private Expr ParseMath1()
    {
        var left = ParseConcat();
        while (IsOp("+") || IsOp("-"))
        {
            string op = Next().Text;
            left = Checked(new BinaryExpr(op, left, ParseConcat()));
        }
        return left;
    }

    private Expr ParseConcat()
    {
        var first = ParseMath2();
        if (!IsOp("~")) return first;
        var parts = new List<Expr> { first };
        while (SkipOp("~")) parts.Add(ParseMath2());
        return Checked(new ConcatExpr(parts));
    }

    private Expr ParseMath2()
    {
        var left = ParsePow();
        while (IsOp("*") || IsOp("/") || IsOp("//") || IsOp("%"))
        {
            string op = Next().Text;
            left = Checked(new BinaryExpr(op, left, ParsePow()));
        }
        return left;
    }

    private Expr ParsePow()
    {
        var left = ParseUnary(withFilter: true);
        while (SkipOp("**")) left = Checked(new BinaryExpr("**", left, ParseUnary(withFilter: true)));
        return left;
    }

    private Expr ParseUnary(bool withFilter)
    {
        Expr node;
        if (IsOp("-") || IsOp("+"))
        {
            string op = Next().Text;
            Enter();
            node = Checked(new UnaryExpr(op, ParseUnary(withFilter: false)));
            Leave();
        }
        else node = ParsePrimary();
        node = ParsePostfix(node);
        if (withFilter) node = ParseFilterExpr(node);
        return node;
    }

    private Expr ParsePrimary()
    {
        var t = Current;
        switch (t.Kind)
        {
            case TokenKind.Name:
                _i++;
                return t.Text switch
                {
                    "true" or "True" => new ConstExpr(true),
                    "false" or "False" => new ConstExpr(false),
                    "none" or "None" => new ConstExpr(null),
                    _ => new NameExpr(t.Text),
                };
            case TokenKind.String:
                {
                    _i++;
                    if (Current.Kind != TokenKind.String) return new ConstExpr(t.Value);
                    var value = new System.Text.StringBuilder((string)t.Value!);
                    while (Current.Kind == TokenKind.String) value.Append((string)Next().Value!); // 'a' 'b' is 'ab'
                    return new ConstExpr(value.ToString());
                }
            case TokenKind.Integer:
            case TokenKind.Float:
                _i++;
                return new ConstExpr(t.Value);
            case TokenKind.Operator when t.Text == "(":
                {
                    _i++;
                    Enter();
                    var inner = ParseTuple(withCondExpr: true, explicitParentheses: true);
                    Leave();
                    ExpectOp(")");
                    return inner;
                }
            case TokenKind.Operator when t.Text == "[":
                {
                    _i++;
                    Enter();
                    var items = new List<Expr>();
                    while (!IsOp("]"))
                    {
                        if (items.Count > 0) ExpectOp(",");
                        if (IsOp("]")) break;
                        items.Add(ParseExpression());
                    }
                    Leave();
                    ExpectOp("]");
                    return Checked(new ListExpr(items, tuple: false));
                }
            case TokenKind.Operator when t.Text == "{":
                {
                    _i++;
                    Enter();
                    var pairs = new List<KeyValuePair<Expr, Expr>>();
                    while (!IsOp("}"))
                    {
                        if (pairs.Count > 0) ExpectOp(",");
                        if (IsOp("}")) break;
                        var key = ParseExpression();
                        ExpectOp(":");
                        pairs.Add(new(key, ParseExpression()));
                    }
                    Leave();
                    ExpectOp("}");
                    return Checked(new DictExpr(pairs));
                }
            case TokenKind.End:
                throw Error("unexpected 'end of template'");
            default:
                throw Error($"unexpected '{t.Describe()}'");
        }
    }

    private Expr ParsePostfix(Expr node)
    {
        while (true)
        {
            if (IsOp(".") || IsOp("[")) node = Checked(ParseSubscript(node));
            else if (IsOp("(")) node = Checked(new CallExpr(node, ParseCallArgs()));
            else return node;
        }
    }

    private Expr ParseFilterExpr(Expr node)
    {
        while (true)
        {
            if (SkipOp("|")) node = Checked(ParseFilter(node));
            else if (SkipName("is")) node = Checked(ParseTest(node));
            else if (IsOp("(")) node = Checked(new CallExpr(node, ParseCallArgs()));
            else return node;
        }
    }

    private Expr ParseSubscript(Expr node)
    {
        if (SkipOp("."))
        {
            var t = Current;
            if (t.Kind == TokenKind.Name)
            {
                _i++;
                return new AttrExpr(node, t.Text);
            }
            if (t.Kind == TokenKind.Integer)
            {
                _i++;
                return new ItemExpr(node, new ConstExpr(t.Value));
            }
            throw Error("expected name or number");
        }
        ExpectOp("[");
        Enter();
        var keys = new List<Expr>();
        while (!IsOp("]"))
        {
            if (keys.Count > 0)
            {
                ExpectOp(",");
                if (IsOp("]")) break;
            }
            keys.Add(ParseSubscribed());
        }
        Leave();
        ExpectOp("]");
        if (keys.Count == 0) throw Error("expected subscript expression");
        return new ItemExpr(node, keys.Count == 1 ? keys[0] : new ListExpr(keys, tuple: true));
    }

    /// <summary>An index, or a slice start:stop:step with any part left out.</summary>
    private Expr ParseSubscribed()
    {
        Expr? start = null;
        if (!IsOp(":"))
        {
            start = ParseExpression();
            if (!IsOp(":")) return start;
        }
        _i++; // :
        Expr? stop = IsOp("]") || IsOp(",") || IsOp(":") ? null : ParseExpression();
        Expr? step = null;
        if (SkipOp(":") && !IsOp("]") && !IsOp(",")) step = ParseExpression();
        return new SliceExpr(start, stop, step);
    }

    private ArgList ParseCallArgs()
    {
        ExpectOp("(");
        Enter();
        var args = new ArgList([], []);
        while (!IsOp(")"))
        {
            if (args.Positional.Count + args.Keywords.Count > 0)
            {
                ExpectOp(",");
                if (IsOp(")")) break;
            }
            if (IsOp("*") || IsOp("**"))
                throw Error("*args and **kwargs in calls are not supported by Sodalite", JinjaErrorKind.Unsupported);
            if (Current.Kind == TokenKind.Name && Peek().Kind == TokenKind.Operator && Peek().Text == "=")
            {
                string name = Next().Text;
                _i++; // =
                args.Keywords.Add(new(name, ParseExpression()));
            }
            else
            {
                if (args.Keywords.Count > 0) throw Error("invalid syntax for function call expression");
                args.Positional.Add(ParseExpression());
            }
        }
        Leave();
        ExpectOp(")");
        return args;
    }

    private FilterExpr ParseFilter(Expr? operand)
    {
        if (Current.Kind != TokenKind.Name) throw Expected("'name'");
        string name = Next().Text;
        while (IsOp(".") && Peek().Kind == TokenKind.Name)
        {
            _i++;
            name += "." + Next().Text;
        }
        var args = IsOp("(") ? ParseCallArgs() : ArgList.Empty;
        return new FilterExpr(operand, name, args);
    }

    private TestExpr ParseTest(Expr operand)
    {
        bool negated = SkipName("not");
        if (Current.Kind != TokenKind.Name) throw Expected("'name'");
        string name = Next().Text;
        while (IsOp(".") && Peek().Kind == TokenKind.Name)
        {
            _i++;
            name += "." + Next().Text;
        }
        ArgList args = ArgList.Empty;
        if (IsOp("(")) args = ParseCallArgs();
        else if ((Current.Kind is TokenKind.Name or TokenKind.String or TokenKind.Integer or TokenKind.Float || IsOp("(") || IsOp("[") || IsOp("{"))
            && !(IsName("else") || IsName("or") || IsName("and")))
        {
            if (IsName("is")) throw Error("You cannot chain multiple tests with is");
            var arg = ParsePostfix(ParsePrimary());
            args = new ArgList([arg], []);
        }
        return new TestExpr(operand, name, args, negated);
    }

    /// <summary>Why a filter or test name cannot be used: Jinja does not know it (an error when the template
    /// is compiled, or when it runs for a name in an if or a conditional expression), or Sodalite does not
    /// implement it (an error when it runs).</summary>
    internal sealed record NameProblem(string Name, bool UnknownToJinja, string Message);
}
