// The Python values that Jinja expressions compute with. Python's None is C# null, bool is bool,
// int is BigInteger, float is double and str is string; the classes below model the rest.
using System.Numerics;

namespace Sodalite.SodaCL.Variables;

/// <summary>Jinja's default Undefined: renders as "", is falsy, iterates as empty, and fails any
/// other use with the hint (Jinja's UndefinedError message).</summary>
internal sealed class Undefined(string hint, string? name = null)
{
    /// <summary>Jinja's message, e.g. "'x' is undefined".</summary>
    public string Hint => hint;

    /// <summary>The undefined variable's name when the value is an unknown variable, else null.</summary>
    public string? Name => name;

    public static Undefined ForName(string name) => new($"'{name}' is undefined", name);
}

internal enum SequenceKind { List, Tuple, DictKeys, DictValues, DictItems }

/// <summary>A Python list or tuple (or one of dict's keys()/values()/items() views).</summary>
internal sealed class PyList(List<object?> items, SequenceKind kind = SequenceKind.List)
{
    public List<object?> Items => items;
    public SequenceKind Kind => kind;

    public string TypeName => kind switch
    {
        SequenceKind.List => "list",
        SequenceKind.Tuple => "tuple",
        SequenceKind.DictKeys => "dict_keys",
        SequenceKind.DictValues => "dict_values",
        _ => "dict_items",
    };

    public static PyList Tuple(params object?[] items) => new([.. items], SequenceKind.Tuple);
}

/// <summary>A Python dict: insertion ordered, keys compared with Python equality (1 == 1.0 == True).</summary>
internal sealed class PyDict
{
    private readonly List<object?> _keys = [];
    private readonly List<object?> _values = [];
    private readonly Dictionary<PyKey, int> _index = [];

    public int Count => _keys.Count;
    public IReadOnlyList<object?> Keys => _keys;
    public IReadOnlyList<object?> Values => _values;

    /// <summary>Sets a value; an existing equal key keeps its original object, as in Python.</summary>
    public void Set(object? key, object? value)
    {
        var k = PyKey.Of(key);
        if (_index.TryGetValue(k, out int i)) _values[i] = value;
        else
        {
            _index[k] = _keys.Count;
            _keys.Add(key);
            _values.Add(value);
        }
    }

    public bool TryGet(object? key, out object? value)
    {
        if (_index.TryGetValue(PyKey.Of(key), out int i))
        {
            value = _values[i];
            return true;
        }
        value = null;
        return false;
    }

    /// <summary>A key wrapper with Python hashing and equality; creating one for a list or dict fails as in Python.</summary>
    private readonly struct PyKey : IEquatable<PyKey>
    {
        private readonly object? _value;
        private readonly int _hash;

        private PyKey(object? value, int hash) => (_value, _hash) = (value, hash);

        public static PyKey Of(object? value) => new(value, PyOps.Hash(value));

        public bool Equals(PyKey other) => _hash == other._hash && PyOps.Equal(_value, other._value);

        public override bool Equals(object? obj) => obj is PyKey k && Equals(k);

        public override int GetHashCode() => _hash;
    }
}

/// <summary>Python's range object (the sandbox limits it to 100,000 items).</summary>
internal sealed class PyRange(long start, long stop, long step)
{
    public long Start => start;
    public long Stop => stop;
    public long Step => step;

    public long Count => step > 0
        ? (stop > start ? (stop - start + step - 1) / step : 0)
        : (start > stop ? (start - stop - step - 1) / -step : 0);

    public BigInteger this[long i] => start + i * step;

    public IEnumerable<object?> Items()
    {
        for (long i = 0, n = Count; i < n; i++) yield return (BigInteger)(start + i * step);
    }
}

/// <summary>The arguments of a call: positional ones, then name=value ones.</summary>
internal sealed record CallArgs(List<object?> Positional, List<KeyValuePair<string, object?>> Keywords)
{
    public static readonly CallArgs None = new([], []);
}

/// <summary>Something callable: a global function (env_var, range, dict), a bound method or loop.cycle.</summary>
internal sealed class PyCallable(string name, string typeName, Func<CallArgs, object?> invoke)
{
    public string Name => name;

    /// <summary>Python's type name: "function" or "builtin_function_or_method".</summary>
    public string TypeName => typeName;

    public object? Invoke(CallArgs args) => invoke(args);
}

/// <summary>The loop variable of a {% for %}: loop.index, loop.first, loop.last and friends.</summary>
internal sealed class LoopContext(IReadOnlyList<object?> items)
{
    public int Index0 { get; set; }
    public IReadOnlyList<object?> Items => items;
    public int Length => items.Count;
}
