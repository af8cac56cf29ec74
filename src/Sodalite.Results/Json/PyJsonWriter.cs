// Writes JSON token by token as Python's json.dump does with its defaults: one line, separators ", " and ": ",
// ensure_ascii escapes, floats as repr. Used to write typed documents without building a JSON tree first.
using System.Globalization;
using System.Numerics;
using System.Text;

namespace Sodalite.Results.Json;

internal sealed class PyJsonWriter
{
    private readonly StringBuilder _sb = new();

    // Per open container: has it an item yet (so the next one needs ", ")?
    private readonly Stack<bool> _hasItem = new();
    private bool _afterName;

    public override string ToString() => _sb.ToString();

    public PyJsonWriter StartObject()
    {
        BeforeValue();
        _sb.Append('{');
        _hasItem.Push(false);
        return this;
    }

    public PyJsonWriter EndObject()
    {
        _hasItem.Pop();
        _sb.Append('}');
        return this;
    }

    public PyJsonWriter StartArray()
    {
        BeforeValue();
        _sb.Append('[');
        _hasItem.Push(false);
        return this;
    }

    public PyJsonWriter EndArray()
    {
        _hasItem.Pop();
        _sb.Append(']');
        return this;
    }

    /// <summary>A member's name; its value comes next.</summary>
    public PyJsonWriter Name(string name)
    {
        BeforeValue();
        PyJson.WriteString(_sb, name);
        _sb.Append(": ");
        _afterName = true;
        return this;
    }

    public PyJsonWriter Null()
    {
        BeforeValue();
        _sb.Append("null");
        return this;
    }

    public PyJsonWriter String(string? value)
    {
        if (value is null) return Null();
        BeforeValue();
        PyJson.WriteString(_sb, value);
        return this;
    }

    public PyJsonWriter Bool(bool value)
    {
        BeforeValue();
        _sb.Append(value ? "true" : "false");
        return this;
    }

    public PyJsonWriter Int(BigInteger value)
    {
        BeforeValue();
        _sb.Append(value.ToString(CultureInfo.InvariantCulture));
        return this;
    }

    /// <summary>A Python float: repr, or NaN/Infinity/-Infinity as json.dump writes them.</summary>
    public PyJsonWriter Float(double value)
    {
        BeforeValue();
        _sb.Append(PyJson.FloatText(value));
        return this;
    }

    /// <summary>Null, or the float.</summary>
    public PyJsonWriter Float(double? value) => value is double d ? Float(d) : Null();

    private void BeforeValue()
    {
        if (_afterName)
        {
            _afterName = false;
            return;
        }
        if (_hasItem.Count == 0) return;
        if (_hasItem.Peek()) _sb.Append(", ");
        else
        {
            _hasItem.Pop();
            _hasItem.Push(true);
        }
    }
}
