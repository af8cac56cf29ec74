using System.Text.Json.Nodes;
using Sodalite.Results.Json;

namespace Sodalite.Results.Tests.Json;

public class PyJsonTests
{
    [Fact]
    public void Non_ascii_is_escaped_with_lowercase_hex_and_html_chars_are_kept()
    {
        Assert.Equal("\"\\u00e9<>&/\\u007f\"", PyJson.Serialize(JsonValue.Create("é<>&/\u007f")));
        Assert.Equal("\"\\ud83d\\ude00\"", PyJson.Serialize(JsonValue.Create("😀")));
    }

    [Fact]
    public void Ints_and_floats_keep_their_python_types()
    {
        var arr = new JsonArray(PyJson.Int(30), PyJson.Float(30), PyJson.Float(0.5), JsonNode.Parse("7"), JsonNode.Parse("7.0"), JsonNode.Parse("1e2"));
        Assert.Equal("[30, 30.0, 0.5, 7, 7.0, 100.0]", PyJson.Serialize(arr));
    }

    [Fact]
    public void One_line_layout_uses_python_default_separators()
    {
        var obj = new JsonObject { ["a"] = 1, ["b"] = new JsonArray("x", null, true), ["c"] = new JsonObject(), ["d"] = new JsonArray() };
        Assert.Equal("{\"a\": 1, \"b\": [\"x\", null, true], \"c\": {}, \"d\": []}", PyJson.Serialize(obj));
    }

    [Fact]
    public void Indent_layout_matches_json_dump_indent_4_without_final_newline()
    {
        var obj = new JsonArray(new JsonObject { ["key"] = "k", ["value"] = PyJson.Float(0.4), ["scope"] = new JsonObject { ["perimeter"] = "dataset" } });
        Assert.Equal("[\n    {\n        \"key\": \"k\",\n        \"value\": 0.4,\n        \"scope\": {\n            \"perimeter\": \"dataset\"\n        }\n    }\n]", PyJson.Serialize(obj, 4));
        Assert.Equal("[]", PyJson.Serialize(new JsonArray(), 4));
    }

    [Fact]
    public void Control_characters_get_short_or_unicode_escapes()
    {
        Assert.Equal("\"a\\n\\t\\\"\\\\\\u0001\"", PyJson.Serialize(JsonValue.Create("a\n\t\"\\\u0001")));
    }

    [Fact]
    public void A_parsed_soda_document_is_written_back_byte_for_byte()
    {
        string path = Path.Combine(Sodalite.TestSupport.RepoPaths.Shared, "acceptance/qalita/retail/results.json");
        string text = File.ReadAllText(path);
        Assert.Equal(text.TrimEnd('\n'), PyJson.Serialize(JsonNode.Parse(text)));
    }
}
